import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { platformName } from "@/lib/config/platform";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: platformName(), template: `%s · ${platformName()}` },
  description: "Partner and affiliate programs",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
