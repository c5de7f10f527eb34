/**
 * Turns chunks pushed as messages arrive into an async iterable read at the reader's pace. The
 * worker does not wait for the reader: chunks are a few bytes each and a reply is a few hundred
 * of them, so buffering costs nothing, and a reader that stops reading must not stall the model.
 */
export interface ChunkStream<T> extends AsyncIterable<T> {
  push(item: T): void;
  /** No more chunks: the reader finishes after those already buffered. */
  end(): void;
  /** The reader gets the buffered chunks, then `error` is thrown. */
  fail(error: Error): void;
}

/** `onRead` is told each time the reader is handed a chunk, just before its code runs. */
export function createChunkStream<T>(onRead: () => void = () => {}): ChunkStream<T> {
  const buffered: T[] = [];
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;

  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  async function* read(): AsyncGenerator<T> {
    while (true) {
      if (buffered.length > 0) {
        const next = buffered.shift() as T;
        onRead();
        yield next;
        continue;
      }
      if (failure) throw failure;
      if (finished) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }

  return {
    push(item) {
      if (finished || failure) return;
      buffered.push(item);
      notify();
    },
    end() {
      finished = true;
      notify();
    },
    fail(error) {
      if (finished) return;
      failure = error;
      notify();
    },
    [Symbol.asyncIterator]: read,
  };
}
