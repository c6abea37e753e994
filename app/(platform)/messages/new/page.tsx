import { NewThreadForm } from "@/components/messages/new-thread-form";
import { PrivateRegion } from "@/components/messages/private-region";
import { requireUser } from "@/lib/auth/session";
import { listRecipients } from "@/lib/messages/list-recipients";
import { startThreadAction } from "../actions";

export const metadata = { title: "New message" };

export default async function NewMessagePage() {
  const user = await requireUser();
  const recipients = await listRecipients({ userId: user.id });
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">New message</h1>
      <PrivateRegion>
        <NewThreadForm action={startThreadAction} recipients={recipients} />
      </PrivateRegion>
    </div>
  );
}
