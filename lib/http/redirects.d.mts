export declare const REDIRECTS: { source: string; destination: string; permanent: boolean }[]
export declare function isRedirected(path: string): boolean
