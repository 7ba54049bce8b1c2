import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Who is signed in to the ATS. Your user model; the token route only needs to know there is one. */
export interface HostUser {
  id: string;
  name: string;
}

interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/** The demo's sign-in cookie; your ATS has its own session (NextAuth, Clerk, Auth0, your own cookie). */
export const DEMO_USER_COOKIE = "acme-ats-user";
export const DEMO_USER: HostUser = { id: "maya", name: "Maya Chen" };

// Signs the demo cookie so a browser cannot make one up. A fresh secret per process unless
// DEMO_AUTH_SECRET is set: restarting the demo signs everybody out, which a demo can afford.
const secret = process.env.DEMO_AUTH_SECRET?.trim() || randomBytes(32).toString("hex");
const sign = (userId: string) => createHmac("sha256", secret).update(userId).digest("base64url");

/** The cookie value that signs `user` in (set by app/api/demo-sign-in). */
export const demoSessionValue = (user: HostUser) => `${user.id}.${sign(user.id)}`;

/**
 * THE PLACE FOR YOUR OWN AUTHENTICATION. Return the signed-in user of your ATS, or null.
 * Replace the body with your session check (e.g. `await auth()` in NextAuth, `auth()` in Clerk,
 * or your session cookie looked up in your database) and decide there whether this user may run
 * an intake for this requisition. The token route refuses a request for which this returns null.
 */
export function currentUser(cookies: CookieReader): HostUser | null {
  const value = cookies.get(DEMO_USER_COOKIE)?.value ?? "";
  const [id = "", signature = ""] = value.split(".");
  const expected = Buffer.from(sign(id));
  const presented = Buffer.from(signature);
  if (id !== DEMO_USER.id || presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return null;
  }
  return DEMO_USER;
}
