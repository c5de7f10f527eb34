import { test, expect } from './fixtures';
import { launchWithExtension } from './harness/launch';
import { modelServerUnavailable, startModelServer, type ModelServer } from './harness/model-server';
import { FAKE_SHARDS } from './harness/fake-model';

const SMALL_MODEL = 'Qwen2.5 0.5B (32-bit shaders)';
const EMBEDDING_MODEL = 'Arctic Embed S (Snowflake)';

test.describe('Options → Model on a browser without WebGPU', () => {
  test('says plainly that WebGPU is unavailable and drafts come from past replies, folds the models into one line, and lists them on request', async ({ options }) => {
    await options.open('model');
    await expect(options.gpuSummary).toContainText('WebGPU is unavailable here');
    await expect(options.gpuSummary).toContainText('drafts come from your past replies');
    await expect(options.modelsFolded).toContainText('No usable GPU here');
    await expect(options.modelRow('Qwen2.5 1.5B (32-bit shaders)')).toHaveCount(0);
    await options.showAllModels();

    // The curated list still renders, with sizes, GPU memory and speed, but nothing to download into.
    const row = options.modelRow('Qwen2.5 1.5B (32-bit shaders)');
    await expect(row).toContainText('880 MB download');
    await expect(row).toContainText('GPU memory');
    await expect(row).toContainText('Balanced');
    await expect(row).toContainText('Not downloaded');
    await expect(row.getByRole('button', { name: 'Download' })).toBeDisabled();
    expect(await options.modelSection.getByRole('group').count()).toBeGreaterThanOrEqual(5);
    await expect(options.modelSection).toContainText('None right now');
    await expect(options.modelSection.getByText('Recommended for this device', { exact: true })).toHaveCount(1);
    await expect(options.modelSection.getByTestId('model-storage')).toContainText(/used/);
    await expect(options.page.getByRole('alert')).toHaveCount(0);
  });

  test('better matching (embeddings) is optional: off by default, its models listed with their size, a choice kept after a reload', async ({ options }) => {
    await options.open('model');
    await options.showAllModels();
    const section = options.modelSection.getByTestId('embeddings');
    await expect(section).toContainText('Better matching (embeddings)');
    await expect(section.getByRole('radio', { name: /Off: match by words only/ })).toBeChecked();
    const row = options.modelRow(EMBEDDING_MODEL);
    await expect(row).toContainText('130 MB download');
    await expect(row).toContainText('GPU memory');
    await expect(row).toContainText('Not downloaded');
    await expect(row.getByRole('button', { name: 'Download' })).toBeDisabled();
    await row.getByRole('radio').check();
    await options.page.reload();
    await expect(options.modelRow(EMBEDDING_MODEL).getByRole('radio')).toBeChecked();
    // Not downloaded, so nothing is being embedded.
    await expect(options.modelSection.getByTestId('embedding-progress')).toHaveCount(0);
    await expect(options.page.getByRole('alert')).toHaveCount(0);
  });

  test('choosing “Always use my past replies” is kept after a reload', async ({ options }) => {
    await options.open('model');
    await options.showAllModels();
    await expect(options.engineChoice('Use an AI model when possible')).toBeChecked();
    await options.engineChoice('Always use my past replies (no model)').check();
    await options.page.reload();
    await expect(options.engineChoice('Always use my past replies (no model)')).toBeChecked();
    await expect(options.engineChoice('Use an AI model when possible')).not.toBeChecked();
  });

  test('picking a model with its radio button is kept after a reload', async ({ options }) => {
    await options.open('model');
    await options.showAllModels();
    const radio = options.modelRow(SMALL_MODEL).getByRole('radio');
    await radio.check();
    await options.page.reload();
    await expect(options.modelRow(SMALL_MODEL).getByRole('radio')).toBeChecked();
  });

  test('generation settings are saved as they change, and an out-of-range value is explained and not saved', async ({ options }) => {
    await options.open('model');
    await options.showAllModels();
    const temperature = options.modelField('Temperature');
    await expect(temperature).toHaveValue('0.7');
    await temperature.fill('1.2');
    await options.modelField('Max tokens').fill('5000');
    await expect(options.modelSection.getByText('Use a whole number from 16 to 1024.')).toBeVisible();
    await expect(options.modelField('Max tokens')).toHaveAttribute('aria-invalid', 'true');
    await options.modelField('Unload after idle (minutes)').fill('30');

    await options.page.reload();
    await expect(options.modelField('Temperature')).toHaveValue('1.2');
    await expect(options.modelField('Max tokens')).toHaveValue('256');
    await expect(options.modelField('Unload after idle (minutes)')).toHaveValue('30');
  });

  test('a custom model is checked field by field, then saved and offered in the list', async ({ options }) => {
    await options.open('model');
    await options.showAllModels();
    await options.modelField('Model id').fill('my model!');
    await options.modelField('Model URL').fill('http://example.com/weights/');
    await options.modelField('Model library URL').fill('https://models.example.com/lib.js');
    await options.modelSection.getByRole('button', { name: 'Save my model' }).click();
    await expect(options.modelField('Model id')).toHaveAttribute('aria-invalid', 'true');
    await expect(options.modelSection.getByText('Use letters, digits, dots, dashes and underscores only.')).toBeVisible();
    await expect(options.modelSection.getByText('Use an https:// address (plain http is not allowed')).toBeVisible();
    await expect(options.modelSection.getByText('should point to a .wasm file')).toBeVisible();
    await expect(options.modelRow('Your own model: my-model')).toHaveCount(0);

    await options.modelField('Model id').fill('my-model-q4f32_1-MLC');
    await options.modelField('Model URL').fill('https://models.example.com/my-model/');
    await options.modelField('Model library URL').fill('https://models.example.com/my-model/lib.wasm');
    await options.modelSection.getByRole('button', { name: 'Save my model' }).click();
    await expect(options.modelSection.getByRole('status')).toContainText('Saved my-model-q4f32_1-MLC');
    const row = options.modelRow('Your own model: my-model-q4f32_1-MLC');
    await row.getByRole('radio').check();

    await options.page.reload();
    await expect(options.modelRow('Your own model: my-model-q4f32_1-MLC').getByRole('radio')).toBeChecked();
    await expect(options.modelField('Model URL')).toHaveValue('https://models.example.com/my-model/');
  });
});

/**
 * The real download path: the background asks the offscreen engine host, whose WebLLM worker
 * fetches the model's weights from huggingface.co, served here by a local HTTPS server with a
 * tiny fake model. A catalogue model's library (code) is inside the package (the test build packs
 * a stand-in for each: `npm run build:e2e`), so none is ever fetched from the network; only the
 * creator's own model, in a build that allows one, fetches its library from the address they gave. Chromium's software WebGPU adapter (SwiftShader,
 * `--enable-unsafe-webgpu`) stands in for a GPU: the host lets the creator download on it,
 * while recommending nothing and warning that it is too slow to draft with.
 */
const withModelHost = test.extend<{ modelServer: ModelServer }>({
  // eslint-disable-next-line no-empty-pattern
  modelServer: async ({}, use) => {
    const server = await startModelServer();
    await use(server);
    await server.close();
  },
  session: async ({ modelServer }, use) => {
    const session = await launchWithExtension({ extraArgs: modelServer.chromiumArgs });
    await use(session);
    await session.close();
  },
});

withModelHost.describe('Downloading a model from the model host', () => {
  withModelHost.skip(() => modelServerUnavailable() !== undefined, modelServerUnavailable() ?? '');

  withModelHost('a software-only GPU is named as such and no model is recommended for it', async ({ options }) => {
    await options.open('model');
    await options.showAllModels();
    await expect(options.gpuSummary).toContainText('Software-only GPU (SwiftShader)');
    await expect(options.gpuSummary).toContainText('Software only');
    await expect(options.gpuSummary).toContainText('16-bit shaders (shader-f16)No');
    await expect(options.gpuSummary).toContainText('1 GB');
    await expect(options.modelSection).toContainText('None right now');
    await expect(options.modelSection.getByText('Recommended for this device', { exact: true })).toHaveCount(1);
    // Without shader-f16 only the 32-bit builds are offered.
    await expect(options.modelRow(SMALL_MODEL)).toBeVisible();
    await expect(options.modelRow('Qwen2.5 0.5B (16-bit shaders)')).toHaveCount(0);
  });

  withModelHost('shows live progress with percent, size and time left, and Cancel stops the download', async ({ options, modelServer }) => {
    const slow = modelServer.hold(FAKE_SHARDS[2]!.file);
    await options.open('model');
    await options.showAllModels();
    const row = options.modelRow(SMALL_MODEL);
    await row.getByRole('button', { name: 'Download' }).click();

    await slow.requested;
    const progress = row.getByRole('progressbar', { name: 'Download progress' });
    await expect(progress).toBeVisible();
    // Three of four shards are in while the fourth is held back.
    await expect(row.getByTestId('download-percent')).toHaveText(/^[1-9]\d?%$/);
    expect(Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
    await expect(row.getByTestId('download-progress')).toContainText(/of 1 MB/);
    await expect(row.getByTestId('download-progress')).toContainText(/left/);

    await row.getByRole('button', { name: 'Cancel download' }).click();
    await expect(row.getByRole('status')).toContainText('Download cancelled');
    await expect(progress).toHaveCount(0);
    slow.release();
    await expect(row).toContainText('Not downloaded');
    await expect(row.getByRole('button', { name: 'Download' })).toBeEnabled();
    expect(modelServer.unknown).toEqual([]);
  });

  withModelHost('a model file the host cannot serve shows an error saying what to do next', async ({ options, modelServer }) => {
    modelServer.fail(FAKE_SHARDS[1]!.file, 404);
    await options.open('model');
    await options.showAllModels();
    const row = options.modelRow(SMALL_MODEL);
    await row.getByRole('button', { name: 'Download' }).click();

    const alert = row.getByRole('alert');
    await expect(alert).toContainText('Download failed');
    await expect(alert).toContainText('could not be downloaded');
    await expect(alert).toContainText('download it again');
    await expect(row).toContainText('Not downloaded');
    expect(modelServer.requests.some((url) => url.endsWith(`/resolve/main/${FAKE_SHARDS[1]!.file}`))).toBe(true);
  });

  withModelHost('a fully downloaded model is shown as downloaded and can be deleted from the cache', async ({ options, modelServer }) => {
    await options.open('model');
    await options.showAllModels();
    const row = options.modelRow(SMALL_MODEL);
    await row.getByRole('button', { name: 'Download' }).click();
    // Every file arrives; the fake model library then refuses to run, as a broken model would.
    await expect(row.getByRole('alert')).toContainText('could not run', { timeout: 20_000 });
    await expect(row).toContainText('Downloaded');
    await expect(options.modelSection.getByTestId('model-storage')).toContainText(/used of/);
    for (const shard of FAKE_SHARDS) {
      expect(modelServer.requests.some((url) => url.endsWith(`/resolve/main/${shard.file}`))).toBe(true);
    }

    expect(modelServer.requests.filter((url) => url.endsWith('.wasm'))).toEqual([]);

    await row.getByRole('button', { name: 'Delete from cache' }).click();
    await expect(row).toContainText('Not downloaded');
    await expect(row.getByRole('alert')).toHaveCount(0);
    expect(modelServer.unknown).toEqual([]);
  });

  withModelHost('an embedding model downloads with live progress through the same machinery, is chosen, and can be deleted', async ({ options, modelServer }) => {
    const slow = modelServer.hold(FAKE_SHARDS[2]!.file);
    await options.open('model');
    await options.showAllModels();
    const row = options.modelRow(EMBEDDING_MODEL);
    await row.getByRole('button', { name: 'Download' }).click();
    await slow.requested;
    await expect(row.getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
    await expect(row.getByTestId('download-percent')).toHaveText(/^[1-9]\d?%$/);
    // Downloading it chose it, and the drafting models wait their turn.
    await expect(row.getByRole('radio')).toBeChecked();
    await expect(options.modelRow(SMALL_MODEL).getByRole('button', { name: 'Download' })).toBeDisabled();
    expect(modelServer.requests).toContain(
      'https://huggingface.co/mlc-ai/snowflake-arctic-embed-s-q0f32-MLC/resolve/main/mlc-chat-config.json',
    );
    // The library is the package's own: no code from the network (issue 15).
    expect(modelServer.requests.filter((url) => url.endsWith('.wasm'))).toEqual([]);
    slow.release();

    // Every file arrives; the fake model library then refuses to run, as a broken model would.
    await expect(row.getByRole('alert')).toContainText('could not run', { timeout: 20_000 });
    await expect(row).toContainText('Downloaded');
    // A software GPU would take hours to embed a large memory: said, not attempted.
    await expect(options.modelSection.getByTestId('embeddings')).toContainText('This GPU is software only');
    await options.page.reload();
    await expect(options.modelRow(EMBEDDING_MODEL).getByRole('radio')).toBeChecked();

    await options.modelRow(EMBEDDING_MODEL).getByRole('button', { name: 'Delete from cache' }).click();
    await expect(options.modelRow(EMBEDDING_MODEL)).toContainText('Not downloaded');
    expect(modelServer.unknown).toEqual([]);
  });

  withModelHost('the creator’s own model downloads from the addresses they saved', async ({ options, modelServer }) => {
    const slow = modelServer.hold(FAKE_SHARDS[0]!.file);
    await options.open('model');
    await options.showAllModels();
    await options.modelField('Model id').fill('Creator-Tiny-q4f32_1-MLC');
    await options.modelField('Model URL').fill('https://huggingface.co/mlc-ai/Creator-Tiny-q4f32_1-MLC/resolve/main/');
    await options.modelField('Model library URL').fill('https://raw.githubusercontent.com/creator/libs/main/creator-tiny.wasm');
    await options.modelSection.getByRole('button', { name: 'Save my model' }).click();
    const row = options.modelRow('Your own model: Creator-Tiny-q4f32_1-MLC');
    await row.getByRole('radio').check();
    await row.getByRole('button', { name: 'Download' }).click();

    await slow.requested;
    await expect(row.getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
    expect(modelServer.requests).toContain('https://raw.githubusercontent.com/creator/libs/main/creator-tiny.wasm');
    expect(modelServer.requests).toContain('https://huggingface.co/mlc-ai/Creator-Tiny-q4f32_1-MLC/resolve/main/mlc-chat-config.json');
    await row.getByRole('button', { name: 'Cancel download' }).click();
    await expect(row.getByRole('status')).toContainText('Download cancelled');
    slow.release();
  });
});
