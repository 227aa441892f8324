/**
 * Saving in the browser, as the user should see it: whether the latest edits are saved (and since when
 * they are not), the space the browser gives, other tabs' merges, and damaged records recovered on load.
 * app/ sets it from autosave and the repository; ui/ shows it.
 */
import type { Slice } from './slices';

export type SaveFailure = 'quota' | 'unavailable' | 'invalid' | 'unknown';

export interface SaveStatus {
  state: 'idle' | 'saved' | 'failed';
  /** ISO 8601 of the last save that landed. */
  lastSavedAt?: string;
  failure?: SaveFailure;
  /** ISO 8601 of the first failure not followed by a successful save. */
  failedSince?: string;
}

export interface StorageSpaceView {
  usageBytes: number;
  quotaBytes: number;
  persisted: boolean;
}

/** One thing storage tells the user once (another tab's merge, a deletion elsewhere). */
export type StorageNotice =
  | { kind: 'merged'; id: number; scenarioName: string; conflicts: number }
  | { kind: 'deletedElsewhere'; id: number; scenarioName: string };

export interface RecoveredScenarioNotice {
  id: string;
  name: string;
  lost: { list: string; lost: number; announced: number }[];
  repairedFields: string[];
}

/** What can be done about a failed save, installed by app/. */
export interface SaveActions {
  retry(): void;
  exportOpenScenario(): void;
}

export interface SaveSlice {
  saveStatus: SaveStatus;
  setSaveStatus: (status: SaveStatus) => void;
  storageSpace: StorageSpaceView | null;
  setStorageSpace: (space: StorageSpaceView | null) => void;
  storageNotices: readonly StorageNotice[];
  addStorageNotice: (notice: DistributiveOmit<StorageNotice, 'id'>) => void;
  dismissStorageNotice: (id: number) => void;
  recoveredScenarios: readonly RecoveredScenarioNotice[];
  unreadableRecordCount: number;
  setRecoveredScenarios: (notices: readonly RecoveredScenarioNotice[], unreadable: number) => void;
  saveActions: SaveActions | null;
  setSaveActions: (actions: SaveActions) => void;
}

type DistributiveOmit<Type, Key extends PropertyKey> = Type extends unknown ? Omit<Type, Key> : never;

/** Notices kept at most (older ones drop off). */
const MAX_NOTICES = 3;

export const createSaveSlice: Slice<SaveSlice> = (set) => {
  let nextNoticeId = 1;
  return {
    saveStatus: { state: 'idle' },
    setSaveStatus: (saveStatus) => set({ saveStatus }),
    storageSpace: null,
    setStorageSpace: (storageSpace) => set({ storageSpace }),
    storageNotices: [],
    addStorageNotice: (notice) =>
      set((state) => ({
        storageNotices: [...state.storageNotices, { ...notice, id: nextNoticeId++ } as StorageNotice].slice(
          -MAX_NOTICES,
        ),
      })),
    dismissStorageNotice: (id) =>
      set((state) => ({ storageNotices: state.storageNotices.filter((notice) => notice.id !== id) })),
    recoveredScenarios: [],
    unreadableRecordCount: 0,
    setRecoveredScenarios: (recoveredScenarios, unreadableRecordCount) =>
      set({ recoveredScenarios, unreadableRecordCount }),
    saveActions: null,
    setSaveActions: (saveActions) => set({ saveActions }),
  };
};
