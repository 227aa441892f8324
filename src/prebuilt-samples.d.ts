/** The build's files of the sample networks, per year (scripts/vite-prebuilt-samples.ts); none in dev. */
declare module 'virtual:prebuilt-samples' {
  const urls: Partial<Record<import('./domain/sample').SampleYear, string>>;
  export default urls;
}
