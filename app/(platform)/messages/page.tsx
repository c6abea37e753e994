import Link from "next/link";
import { PrivateRegion } from "@/components/messages/private-region";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { listThreads } from "@/lib/messages/list-threads";

export const metadata = { title: "Messages" };

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function MessagesPage() {
  const user = await requireUser();
  const threads = await listThreads({ userId: user.id });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Messages</h1>
          <p className="mt-1 text-slate-600">Conversations with other members. Messages are never included in shared usage information.</p>
        </div>
        <Link href="/messages/new" className={buttonClass("primary")}>
          New message
        </Link>
      </div>
      {/* Subjects and names are part of the conversations, so the list is private too. */}
      <PrivateRegion className="rounded-xl border border-slate-200 bg-white">
        {threads.length > 0 ? (
          <ul aria-label="Conversations" className="divide-y divide-slate-100">
            {threads.map((thread) => (
              <li key={thread.id}>
                <Link href={`/messages/${thread.id}`} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3 hover:bg-slate-50">
                  <span>
                    <span className="block font-medium text-brand-700">{thread.subject}</span>
                    <span className="block text-sm text-slate-600">with {thread.others.join(", ") || "nobody else"}</span>
                  </span>
                  <span className="text-sm text-slate-500">
                    <span className="sr-only">Last message </span>
                    <time dateTime={thread.lastMessageAt.toISOString()}>{timeFormat.format(thread.lastMessageAt)} UTC</time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-5 py-4 text-sm text-slate-500">No conversations yet. Start one with “New message”.</p>
        )}
      </PrivateRegion>
    </div>
  );
}
