import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, SessionDto, SignInBody, SignUpBody, UpdateMeBody, UserDto } from '@tillit/protocol';
import { api, ApiRequestError } from '../lib/api';
import { applyLocale, currentLocale } from '../lib/i18n';

export const authKeys = {
  me: ['me'] as const,
  sessions: ['sessions'] as const,
};

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async (): Promise<UserDto | null> => {
      try {
        return await api<UserDto>('GET', '/api/auth/me');
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Forgets everything cached about the previous person (all but the "who am I" query). */
function forgetOthers(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.me[0] });
}

/** After sign-in or sign-up: forget the previous person's data, then show theirs in their language. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return async (user: UserDto) => {
    forgetOthers(queryClient);
    queryClient.setQueryData(authKeys.me, user);
    await applyLocale(user.locale);
  };
}

export function useSignIn() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: SignInBody) => api<UserDto>('POST', '/api/auth/sign-in', body),
    onSuccess: signedIn,
  });
}

export function useSignUp() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: Omit<SignUpBody, 'locale'>) =>
      api<UserDto>('POST', '/api/auth/sign-up', { ...body, locale: currentLocale() }),
    onSuccess: signedIn,
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/sign-out'),
    onSettled: () => {
      forgetOthers(queryClient);
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => api<UserDto>('PATCH', '/api/me', body),
    onSuccess: (user) => queryClient.setQueryData(authKeys.me, user),
  });
}

/**
 * Switches the language at once; for a signed-in person also saves it on the server,
 * so that it follows them to every device.
 */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const update = useUpdateMe();
  return async (locale: Locale) => {
    await applyLocale(locale);
    const me = queryClient.getQueryData<UserDto | null>(authKeys.me);
    if (me && me.locale !== locale) {
      queryClient.setQueryData(authKeys.me, { ...me, locale });
      update.mutate({ locale });
    }
  };
}

export function useSessions() {
  return useQuery({
    queryKey: authKeys.sessions,
    queryFn: () => api<SessionDto[]>('GET', '/api/auth/sessions'),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('DELETE', '/api/auth/sessions'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}
