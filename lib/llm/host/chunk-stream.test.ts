import { createChunkStream } from './chunk-stream';

async function readAll<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe('a chunk stream fed by messages', () => {
  it('gives the reader chunks pushed before and after it started reading, in order, then ends', async () => {
    const stream = createChunkStream<string>();
    stream.push('a');
    const reading = readAll(stream);
    stream.push('b');
    await Promise.resolve();
    stream.push('c');
    stream.end();

    expect(await reading).toEqual(['a', 'b', 'c']);
  });

  it('hands over the chunks that arrived before a failure, then throws it', async () => {
    const stream = createChunkStream<string>();
    const seen: string[] = [];
    stream.push('a');
    stream.fail(new Error('DeviceLostError: gone'));

    const reading = (async () => {
      for await (const item of stream) seen.push(item);
    })();

    await expect(reading).rejects.toThrow('DeviceLostError: gone');
    expect(seen).toEqual(['a']);
  });

  it('ignores chunks and failures that arrive after the end', async () => {
    const stream = createChunkStream<string>();
    stream.push('a');
    stream.end();
    stream.push('late');
    stream.fail(new Error('late failure'));

    expect(await readAll(stream)).toEqual(['a']);
  });
});
