import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().min(1, "Enter your email.").email("Enter a valid email address.").max(254);
export const nameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: z.string().min(8, "Use at least 8 characters.").max(200, "Use at most 200 characters."),
});

export const profileSchema = z.object({ name: nameSchema, email: emailSchema });
