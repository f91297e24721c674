export function contentSecurityPolicy(nonce: string | null, env?: Record<string, string | undefined>): string
export function securityHeaders(publicOrigin: string | null): Record<string, string>
