/** The build's grid file of the shipped city and its input digest (scripts/vite-prebuilt-city-grid.ts); none in dev. */
declare module 'virtual:prebuilt-city-grid' {
  const grid: { url: string; inputDigest: string } | undefined;
  export default grid;
}
