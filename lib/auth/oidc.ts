import type { Provider } from "next-auth/providers/index";

/**
 * An optional OpenID Connect provider (Keycloak, Okta, Google Workspace, Entra ID…), switched on when
 * OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. Off by default.
 */
export function oidcProvider(env = process.env): Provider[] {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME || "Single sign-on",
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId,
      clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string; preferred_username?: string }) {
        return { id: profile.sub, email: profile.email, name: profile.name ?? profile.preferred_username ?? profile.email };
      },
    },
  ];
}

export const isOidcEnabled = (env = process.env) => oidcProvider(env).length > 0;
