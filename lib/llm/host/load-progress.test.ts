import { describeProgress } from './load-progress';

describe('describeProgress', () => {
  it('turns a WebLLM download report into megabytes, percent and time left', () => {
    const p = describeProgress(
      {
        progress: 0.2,
        timeElapsed: 30,
        text: 'Fetching param cache[5/22]: 180MB fetched. 20% completed, 30 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.',
      },
      'Qwen2.5 1.5B',
    );
    expect(p).toMatchObject({ phase: 'download', progress: 0.2, loadedMB: 180, totalMB: 900, timeLeftSeconds: 120 });
    expect(p.message).toBe('Downloading Qwen2.5 1.5B: 180 of 900 MB (20%), about 2 min left');
  });

  it('does not guess a total or time left from the first sliver of a download', () => {
    const p = describeProgress({ progress: 0.005, timeElapsed: 1, text: 'Fetching param cache[0/22]: 4MB fetched. 0% completed, 1 secs elapsed.' });
    expect(p.totalMB).toBeUndefined();
    expect(p.timeLeftSeconds).toBeUndefined();
    expect(p.message).toBe('Downloading the model: 0%');
  });

  it('describes loading from disk and shader preparation', () => {
    expect(
      describeProgress({ progress: 0.5, timeElapsed: 2, text: 'Loading model from cache[11/22]: 450MB loaded. 50% completed, 2 secs elapsed.' }, 'Llama 3.2 1B'),
    ).toMatchObject({ phase: 'cache', message: 'Loading Llama 3.2 1B: 50%' });
    expect(describeProgress({ progress: 0.25, timeElapsed: 3, text: 'Loading GPU shader modules[20/80]: 25% completed, 3 secs elapsed.' })).toMatchObject({
      phase: 'shaders',
      message: 'Preparing the GPU: 25%',
    });
  });

  it('says the model is ready when loading finishes', () => {
    expect(describeProgress({ progress: 1, timeElapsed: 9, text: 'Finish loading on WebGPU - apple' }, 'Qwen2.5 0.5B')).toMatchObject({
      phase: 'ready',
      progress: 1,
      message: 'Qwen2.5 0.5B is ready',
    });
  });

  it('passes unfamiliar reports through and clamps odd progress values', () => {
    const p = describeProgress({ progress: Number.NaN, timeElapsed: 0, text: 'Something new' });
    expect(p).toMatchObject({ phase: 'other', progress: 0, message: 'Something new' });
  });
});
