export function serveStatic(root: string, prefix?: string): Promise<{ url: string; close: () => Promise<void> }>;
