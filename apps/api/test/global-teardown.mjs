export default async function globalTeardown() {
  await globalThis.__tillitPg?.stop();
}
