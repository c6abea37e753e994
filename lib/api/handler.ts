import "server-only";
import { errorResponse } from "@/lib/errors";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Wraps a route handler so that anything it throws becomes the one JSON error shape.
 * It does no authorization: each handler asks for the user and role it needs itself.
 */
export function apiRoute<Context = unknown>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
