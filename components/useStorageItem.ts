/** A WXT storage item as React state: read once, then kept live across every extension page. */
import { useCallback, useEffect, useState } from 'react';

/** The part of a WXT storage item (`storage.defineItem`) the hook uses. */
export interface StorageItemLike<T> {
  fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (newValue: T) => void): () => void;
}

/** `undefined` until the first read; the setter writes through to storage. */
export function useStorageItem<T>(item: StorageItemLike<T>): [T | undefined, (value: T) => Promise<void>] {
  const [value, setLocal] = useState<T | undefined>(undefined);

  useEffect(() => {
    let live = true;
    // Watch first, so a change between the read and the subscription is not missed.
    const unwatch = item.watch((next) => {
      if (live) setLocal(next ?? item.fallback);
    });
    void item.getValue().then((current) => {
      if (live) setLocal((previous) => (previous === undefined ? current : previous));
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);

  const set = useCallback(
    async (next: T) => {
      setLocal(next);
      await item.setValue(next);
    },
    [item],
  );
  return [value, set];
}
