import Link from "next/link";
import { notFound } from "next/navigation";
import { Composer } from "@/components/messages/composer";
import { PrivateRegion } from "@/components/messages/private-region";
import { requireUser } from "@/lib/auth/session";
import { getThread } from "@/lib/messages/get-thread";
import { replyAction } from "../actions";

export const metadata = { title: "Conversation" };

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const thread = await getThread({ id, userId: user.id });
  if (!thread) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/messages" className="text-brand-700 hover:underline">
          Messages
        </Link>
      </p>
      <PrivateRegion className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{thread.subject}</h1>
          <p className="mt-1 text-sm text-slate-600">with {thread.others.join(", ") || "nobody else"}</p>
        </div>
        <ol aria-label="Messages" className="space-y-3">
          {thread.messages.map((message) => (
            <li key={message.id} className={`rounded-xl border p-4 ${message.mine ? "ml-8 border-brand-100 bg-brand-50" : "mr-8 border-slate-200 bg-white"}`}>
              <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{message.mine ? "You" : message.authorName}</span>
                <time dateTime={message.createdAt.toISOString()} className="text-slate-500">
                  {timeFormat.format(message.createdAt)} UTC
                </time>
              </p>
              <p className="mt-2 whitespace-pre-wrap break-words">{message.body}</p>
            </li>
          ))}
        </ol>
        <Composer action={replyAction.bind(null, thread.id)} />
      </PrivateRegion>
    </div>
  );
}
