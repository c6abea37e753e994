/** The demo sign-ins the seed creates; e2e tests sign in with them too. */
export const DEMO_PASSWORD = "demo-password";

export const DEMO_USERS = [
  { email: "member@demo.10kc.test", name: "Mia Member", role: "MEMBER" },
  { email: "support@demo.10kc.test", name: "Sam Support", role: "SUPPORT" },
  { email: "analyst@demo.10kc.test", name: "Ana Analyst", role: "ANALYST" },
  { email: "admin@demo.10kc.test", name: "Ada Admin", role: "ADMIN" },
  { email: "lena@demo.10kc.test", name: "Lena Fischer", role: "MEMBER" },
  { email: "omar@demo.10kc.test", name: "Omar Gonzalez", role: "MEMBER" },
  { email: "priya@demo.10kc.test", name: "Priya Raman", role: "MEMBER" },
  { email: "jonas@demo.10kc.test", name: "Jonas Berg", role: "MEMBER" },
] as const;

export const demoUser = (role: "MEMBER" | "SUPPORT" | "ANALYST" | "ADMIN") => DEMO_USERS.find((user) => user.role === role)!;
