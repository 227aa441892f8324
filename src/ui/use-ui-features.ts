import { useEffect, useState } from 'react';
import type { UiFeature } from './ui-feature';

// One shared request for the feature UIs' chunk, started at once (in parallel with the map's first paint).
let loaded: readonly UiFeature[] | null = null;
const loading = import('./features').then((module) => {
  loaded = module.UI_FEATURES;
  return loaded;
});

/** The feature UIs (side-panel tabs, overlays); empty until their code chunk has arrived. */
export function useUiFeatures(): readonly UiFeature[] {
  const [features, setFeatures] = useState<readonly UiFeature[]>(loaded ?? []);
  useEffect(() => {
    if (loaded) return;
    let active = true;
    void loading.then((result) => {
      if (active) setFeatures(result);
    });
    return () => {
      active = false;
    };
  }, []);
  return features;
}
