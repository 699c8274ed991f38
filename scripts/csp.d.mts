export declare const EMPTY_STYLE_HASH: string;
export declare function contentSecurityPolicy(origins: {
  armOrigin?: string | undefined;
  authorityOrigin?: string | undefined;
}): string;
export declare function hostingHeaders(policy: string): Record<string, string>;
