/** Progress lines on stdout, timestamped. */
export function log(m: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
}
