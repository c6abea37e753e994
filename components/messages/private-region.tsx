/**
 * Wraps anything that holds messages between users. `data-private` and `rr-block` tell the recorder to replace the
 * whole element with an empty box of the same size, so neither what is shown nor what is typed here is ever recorded
 * (DESIGN promise 5). Keep message content and composers inside it.
 */
export function PrivateRegion({ children, className = "", ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div data-private="" className={`rr-block ${className}`} {...props}>
      {children}
    </div>
  );
}
