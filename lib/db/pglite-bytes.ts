/**
 * Prisma 6.19 hands `Bytes` parameters to driver adapters as base64 strings (with `argTypes[i].scalarType = "bytes"`);
 * @prisma/adapter-pg decodes them, but pglite-prisma-adapter 0.6 passes them through and PGlite then refuses them
 * ("Invalid input for bytea type"). This wraps a PGlite adapter factory so such parameters reach PGlite as bytes.
 * Remove once the adapter maps argument types itself.
 */
type Query = { sql: string; args: unknown[]; argTypes?: ({ scalarType?: string; arity?: string } | undefined)[] };

const QUERY_METHODS = new Set(["queryRaw", "executeRaw"]);
const WRAPPED_RESULTS = new Set(["connect", "startTransaction", "transactionContext"]);

function fixBytes(query: Query): Query {
  if (!query.argTypes?.some((type) => type?.scalarType === "bytes")) return query;
  const args = query.args.map((arg, i) => {
    if (query.argTypes?.[i]?.scalarType !== "bytes") return arg;
    if (typeof arg === "string") return Buffer.from(arg, "base64");
    if (Array.isArray(arg) && query.argTypes?.[i]?.arity !== "list") return Buffer.from(arg as number[]);
    return arg;
  });
  return { ...query, args };
}

function wrap<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const name = String(property);
      if (QUERY_METHODS.has(name)) return (query: Query) => value.call(object, fixBytes(query));
      if (WRAPPED_RESULTS.has(name)) return async (...args: unknown[]) => wrap(await value.apply(object, args));
      return value.bind(object);
    },
  });
}

export function withPgliteBytes<Factory extends object>(factory: Factory): Factory {
  return wrap(factory);
}
