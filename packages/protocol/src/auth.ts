import { z } from 'zod';
import { locale, name } from './common.js';

/** Shown in the UI next to the password field; the API enforces the same rules. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const SignUpBody = z.strictObject({
  email,
  password,
  displayName: name(80),
  locale: locale.optional(),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z.strictObject({
  email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const UpdateMeBody = z.strictObject({
  displayName: name(80).optional(),
  locale: locale.optional(),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  locale: 'sv' | 'en';
}

export interface SessionDto {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

/** Name of the cookie that carries the CSRF token, and of the header that must echo it. */
export const CSRF_COOKIE = 'tillit_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'tillit_session';
