import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseConfigError, describeTarget, resolveDatabaseTarget } from "@/lib/db/target";

describe("resolveDatabaseTarget", () => {
  it("defaults to the embedded database under .data", () => {
    expect(resolveDatabaseTarget(undefined)).toEqual({ kind: "pglite", dir: path.resolve(".data/pglite") });
    expect(resolveDatabaseTarget("  ")).toEqual({ kind: "pglite", dir: path.resolve(".data/pglite") });
  });

  it("takes file: URLs and plain paths as PGlite directories", () => {
    expect(resolveDatabaseTarget("file:.data/other")).toEqual({ kind: "pglite", dir: path.resolve(".data/other") });
    expect(resolveDatabaseTarget("/tmp/candor-db")).toEqual({ kind: "pglite", dir: "/tmp/candor-db" });
  });

  it("takes postgres URLs as PostgreSQL", () => {
    expect(resolveDatabaseTarget("postgresql://u@h:5432/db")).toEqual({ kind: "postgres", url: "postgresql://u@h:5432/db" });
    expect(resolveDatabaseTarget("postgres://u@h/db").kind).toBe("postgres");
  });

  it("refuses other schemes with a message that says what to set", () => {
    expect(() => resolveDatabaseTarget("mysql://root@localhost/db")).toThrow(DatabaseConfigError);
    expect(() => resolveDatabaseTarget("mysql://root@localhost/db")).toThrow(/postgresql:\/\//);
  });

  it("never prints a password when describing a target", () => {
    expect(describeTarget({ kind: "postgres", url: "postgresql://app:s3cret@db.internal:6543/candor" })).toBe("PostgreSQL at db.internal:6543/candor");
  });
});
