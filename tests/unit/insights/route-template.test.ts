import { describe, expect, it } from "vitest";
import { templateRoute } from "@/lib/insights/route-template";

describe("templateRoute", () => {
  it.each([
    ["/programs/cl9xk2m3n0000qzrm4h5b6c7d", "/programs/[id]"],
    ["/programs/cl9xk2m3n0000qzrm4h5b6c7d/edit", "/programs/[id]/edit"],
    ["/messages/123", "/messages/[id]"],
    ["/messages/550e8400-e29b-41d4-a716-446655440000", "/messages/[id]"],
    ["/s/tz4a98xxat96iws9zmbrgj3a", "/s/[id]"], // cuid2
    ["/reset/aGVsbG8td29ybGQtdGhpcy1pcy1hLXRva2VuMTIz", "/reset/[id]"],
    ["/users/mia%40example.com", "/users/[id]"],
    ["/programs?owner=cl9x&q=secret", "/programs"],
    ["/settings/privacy#delete", "/settings/privacy"],
    ["https://platform.example/programs/987?x=1", "/programs/[id]"],
    ["/Programs/New/", "/programs/new"],
    ["", "/"],
    ["/", "/"],
  ])("%s → %s", (path, expected) => {
    expect(templateRoute(path)).toBe(expected);
  });

  it("keeps ordinary route names, even long ones without digits", () => {
    expect(templateRoute("/settings/notification-preferences")).toBe("/settings/notification-preferences");
    expect(templateRoute("/insights")).toBe("/insights");
  });

  it("caps the number of segments", () => {
    expect(templateRoute(`/${"a/".repeat(40)}`).split("/").length - 1).toBe(12);
  });
});
