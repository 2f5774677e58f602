/**
 * `npm run bench:photos` — issue 13's photo figures, in Debian's Chromium against the real
 * server (`npm run build` first), on this machine:
 *
 *  1. The on-device pipeline (client/src/photos/image-pipeline.ts, loaded as it is into a bare
 *     page of the server's origin) on a BENCH_PHOTO_WIDTH × ¾ JPEG (4000×3000 = 12 MP) drawn
 *     in the page: ours (decode with the EXIF orientation, 1600 px full image, 320 px
 *     thumbnail, JPEG encode at 0.8 lowered until each fits its target, SHA-256 of both) next
 *     to its steps, timed one by one in the same page, and a floor: a bare createImageBitmap
 *     plus one canvas encode at 1600 px. On the page's main thread; the app runs the same code
 *     in a worker where the engine has OffscreenCanvas.
 *  2. Memory: the resident memory of the browser's processes (read from /proc every 10 ms)
 *     above what they held before the pipeline, at its peak.
 *  3. Upload throughput: BENCH_PHOTO_UPLOADS images of ~300 KB (a full image's size) PUT one
 *     after another from the page to `/api/photos/:hash`, as the upload round sends them.
 *  4. Pick → thumbnail in the list, in the built app on a phone-sized page (photo-pick-bench.ts),
 *     BENCH_PHOTO_PICKS rounds (5), next to its floor in the same page. Target ≤ 400 ms.
 *  5. Initial sync of BENCH_PHOTO_SYNC_BAGS bags (300) + BENCH_PHOTO_SYNC_BREWS brews (1,000)
 *     with BENCH_PHOTO_SYNC_PHOTOS photos' thumbnails (1,000), next to an account with the same
 *     rows and no photos (photo-sync-seed.ts, photo-sync-bench.ts), BENCH_PHOTO_SYNC_ROUNDS
 *     rounds of each (3), a new phone every run.
 *
 * Prints tables (4 and 5 in Markdown, to paste into docs/performance.md) and the load average;
 * asserts nothing but that each answer came and each sync brought everything.
 * CI smoke: BENCH_PHOTO_ROUNDS=1 BENCH_PHOTO_UPLOADS=3 BENCH_PHOTO_PICKS=1 BENCH_PHOTO_SYNC_BAGS=10
 * BENCH_PHOTO_SYNC_BREWS=20 BENCH_PHOTO_SYNC_PHOTOS=10 BENCH_PHOTO_SYNC_ROUNDS=1 npm run bench:photos
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Page } from '@playwright/test';
import ts from 'typescript';
import { ROUTES } from '../../shared/protocol/routes.js';
import { newApiClient, uniqueEmail } from '../support/api.js';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { startServer } from '../support/server.js';
import { pickToThumbnail } from './photo-pick-bench.js';
import {
  PARALLEL_DOWNLOADS,
  photoSyncRounds,
  type SyncRun,
  serverAloneMs,
} from './photo-sync-bench.js';
import { drawThumbnails, seedPhotoAccounts } from './photo-sync-seed.js';

const WIDTH = Number(process.env.BENCH_PHOTO_WIDTH ?? 4000);
const ROUNDS = Number(process.env.BENCH_PHOTO_ROUNDS ?? 5);
const UPLOADS = Number(process.env.BENCH_PHOTO_UPLOADS ?? 100);
const UPLOAD_BYTES = 300 * 1024;
const PICKS = Number(process.env.BENCH_PHOTO_PICKS ?? 5);
const SYNC = {
  bags: Number(process.env.BENCH_PHOTO_SYNC_BAGS ?? 300),
  brews: Number(process.env.BENCH_PHOTO_SYNC_BREWS ?? 1000),
  photos: Number(process.env.BENCH_PHOTO_SYNC_PHOTOS ?? 1000),
};
const SYNC_ROUNDS = Number(process.env.BENCH_PHOTO_SYNC_ROUNDS ?? 3);
const PICK_TARGET_MS = 400;

const transpiled = (file: string) =>
  ts
    .transpileModule(readFileSync(new URL(file, import.meta.url), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    })
    .outputText.replace(/^import .* from '\.\/.*';$/gm, '');

const PAGE = `<!doctype html><meta charset="utf-8"><title>photo bench</title>
<script type="module">${transpiled('../../client/src/photos/content-hash.ts')}
${transpiled('../../client/src/photos/image-pipeline.ts')}
globalThis.photoPipeline = { processPhoto, fitLongSide, sha256Hex };</script>`;

/** Resident memory (bytes) of `root` and every process under it, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), entry]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  let total = 0;
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // Gone.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readdirProc(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

interface PipelineTimes {
  ours: number;
  decode: number;
  full: number;
  thumb: number;
  hash: number;
  floor: number;
  fullBytes: number;
  thumbBytes: number;
}

/** One round in the page: ours whole, then its steps and the floor on the same file. */
function pipelineRound(page: Page): Promise<PipelineTimes> {
  return page.evaluate(async () => {
    const w = globalThis as unknown as {
      photoPipeline: {
        processPhoto(file: Blob): Promise<{ full: { blob: Blob }; thumb: { blob: Blob } }>;
        fitLongSide(w: number, h: number, l: number): { width: number; height: number };
        sha256Hex(blob: Blob): Promise<string>;
      };
      benchFile: Blob;
    };
    const { processPhoto, fitLongSide, sha256Hex } = w.photoPipeline;
    const file = w.benchFile;
    const encode = async (bitmap: ImageBitmap, longSide: number) => {
      const size = fitLongSide(bitmap.width, bitmap.height, longSide);
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    };
    let t = performance.now();
    const photo = await processPhoto(file);
    const ours = performance.now() - t;

    t = performance.now();
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const decode = performance.now() - t;
    t = performance.now();
    const full = await encode(bitmap, 1600);
    const fullMs = performance.now() - t;
    t = performance.now();
    await encode(bitmap, 320);
    const thumb = performance.now() - t;
    bitmap.close();
    t = performance.now();
    await sha256Hex(full);
    await sha256Hex(photo.thumb.blob);
    const hash = performance.now() - t;

    // The floor: a bare decode and one encode, nothing else.
    t = performance.now();
    const bare = await createImageBitmap(file);
    await encode(bare, 1600);
    const floor = performance.now() - t;
    bare.close();
    return {
      ours,
      decode,
      full: fullMs,
      thumb,
      hash,
      floor,
      fullBytes: photo.full.blob.size,
      thumbBytes: photo.thumb.blob.size,
    };
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};
const ms = (xs: number[]) =>
  `${median(xs).toFixed(0).padStart(6)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
const loadAverage = () =>
  `${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (${os.cpus().length} cores)`;

/** A Markdown row: the label, the median in ms, min–max. */
const mdRow = (label: string, xs: number[]) =>
  `| ${label} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} |`;
const thousands = (n: number) => n.toLocaleString('en-US');

const server = await startServer();
const launched = await chromium.launchServer(chromiumLaunchOptions);
const browser = await chromium.connect(launched.wsEndpoint());
const rootPid = launched.process().pid ?? 0;
try {
  const context = await browser.newContext({ baseURL: server.url });
  // tsx's keepNames wraps functions declared in page callbacks in `__name`: give the page one.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  await page.route(`${server.url}/photo-bench`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: PAGE }),
  );
  await page.goto(`${server.url}/photo-bench`);
  await page.waitForFunction(() => 'photoPipeline' in globalThis);

  // A camera-like picture: gradients, shapes and grain, so the JPEG is not trivially small.
  const sourceBytes = await page.evaluate(async (width) => {
    const height = Math.round((width * 3) / 4);
    const canvas = new OffscreenCanvas(width, height);
    const c = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const g = c.createLinearGradient(0, 0, width, height);
    g.addColorStop(0, '#6b4226');
    g.addColorStop(1, '#e8d8b0');
    c.fillStyle = g;
    c.fillRect(0, 0, width, height);
    for (let i = 0; i < 4000; i++) {
      c.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 50)}% / 0.5)`;
      c.fillRect((i * 7919) % width, (i * 104729) % height, 20 + (i % 200), 20 + ((i * 3) % 150));
    }
    const grain = c.getImageData(0, 0, width, height);
    for (let i = 0; i < grain.data.length; i += 4) {
      const n = (Math.random() - 0.5) * 24;
      grain.data[i] = (grain.data[i] ?? 0) + n;
      grain.data[i + 1] = (grain.data[i + 1] ?? 0) + n;
      grain.data[i + 2] = (grain.data[i + 2] ?? 0) + n;
    }
    c.putImageData(grain, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    (globalThis as unknown as { benchFile: Blob }).benchFile = blob;
    return blob.size;
  }, WIDTH);

  const rounds: PipelineTimes[] = [];
  let peak = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const before = treeRss(rootPid);
    let high = before;
    const sampler = setInterval(() => {
      high = Math.max(high, treeRss(rootPid));
    }, 10);
    rounds.push(await pipelineRound(page));
    clearInterval(sampler);
    peak = Math.max(peak, high - before);
  }

  // Uploads: one account, distinct ~300 KB JPEG-signed bodies, PUT one after another.
  const upload = await page.evaluate(
    async ({ signup, email, count, size, paths }) => {
      const signed = await fetch(signup, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'correct horse battery staple' }),
      });
      if (!signed.ok) throw new Error(`signup answered ${signed.status}`);
      const bodies: { bytes: Uint8Array<ArrayBuffer>; hash: string }[] = [];
      for (let i = 0; i < count; i++) {
        const bytes = new Uint8Array(size);
        for (let at = 0; at < size; at += 65_536) {
          crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
        }
        bytes.set([0xff, 0xd8, 0xff, 0xe0]);
        const digest = await crypto.subtle.digest('SHA-256', bytes);
        const hash = [...new Uint8Array(digest)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
        bodies.push({ bytes, hash });
      }
      const t = performance.now();
      for (const { bytes, hash } of bodies) {
        const response = await fetch(paths.replace(':hash', hash), {
          method: 'PUT',
          headers: { 'content-type': 'image/jpeg' },
          body: bytes,
        });
        if (!response.ok) throw new Error(`upload answered ${response.status}`);
      }
      return performance.now() - t;
    },
    {
      signup: ROUTES.auth.signup.path,
      email: uniqueEmail('photo-bench'),
      count: UPLOADS,
      size: UPLOAD_BYTES,
      paths: ROUTES.photos.upload.path,
    },
  );

  const pick = (key: keyof PipelineTimes) => rounds.map((r) => r[key]);
  const height = Math.round((WIDTH * 3) / 4);
  console.log(
    `\nphoto pipeline, a ${WIDTH}×${height} JPEG of ${(sourceBytes / 1024 / 1024).toFixed(1)} MB, Chromium, main thread, ${ROUNDS} rounds (median):`,
  );
  console.log(`  ours, whole (decode → full + thumbnail + hashes)  ${ms(pick('ours'))}`);
  console.log(`    decode with EXIF orientation                     ${ms(pick('decode'))}`);
  console.log(`    resize to 1600 px + JPEG 0.8                     ${ms(pick('full'))}`);
  console.log(`    resize to 320 px + JPEG 0.8                      ${ms(pick('thumb'))}`);
  console.log(`    SHA-256 of both                                  ${ms(pick('hash'))}`);
  console.log(`  floor: createImageBitmap + one 1600 px encode      ${ms(pick('floor'))}`);
  console.log(
    `  outputs: full ${(median(pick('fullBytes')) / 1024).toFixed(0)} KB, thumbnail ${(median(pick('thumbBytes')) / 1024).toFixed(0)} KB`,
  );
  console.log(
    `  memory: browser processes' resident memory at its peak, above before: +${(peak / 1024 / 1024).toFixed(0)} MB`,
  );
  const mb = (UPLOADS * UPLOAD_BYTES) / 1024 / 1024;
  console.log(
    `upload: ${UPLOADS} images of ${UPLOAD_BYTES / 1024} KB, one after another, to the local server: ${(upload / 1000).toFixed(2)} s = ${(UPLOADS / (upload / 1000)).toFixed(1)} photos/s, ${(mb / (upload / 1000)).toFixed(1)} MB/s`,
  );
  const thumbnails = await drawThumbnails(page);
  await context.close();

  console.log(`\npick → thumbnail: load average at the start ${loadAverage()}`);
  const picks = await pickToThumbnail(server.url, PICKS, WIDTH);
  const pickOf = (key: 'toThumbMs' | 'toFrameMs' | 'floorMs') => picks.map((p) => p[key]);
  const hidden = picks.filter((p) => !p.visible).length;
  if (hidden > 0) throw new Error(`${hidden} thumbnails were decoded but not visible`);
  console.log(
    `\npick → thumbnail in the list (the bag screen's photo strip), a ${WIDTH}×${height} JPEG of ${(median(picks.map((p) => p.sourceBytes)) / 1024 / 1024).toFixed(1)} MB, built app, Chromium 390×844, ${PICKS} picks:\n`,
  );
  console.log('| measure | median | min–max |');
  console.log('| --- | ---: | ---: |');
  console.log(mdRow("the input's change → thumbnail decoded in the strip", pickOf('toThumbMs')));
  console.log(mdRow("the input's change → the next frame after it", pickOf('toFrameMs')));
  console.log(mdRow('floor: createImageBitmap + one 320 px encode', pickOf('floorMs')));
  console.log(`| target | ≤ ${PICK_TARGET_MS} ms | — |`);

  console.log(`\ninitial sync: seeding; load average ${loadAverage()}`);
  const apis = {
    withPhotos: await newApiClient(server.url),
    without: await newApiClient(server.url),
  };
  try {
    const seeded = await seedPhotoAccounts(apis, SYNC, thumbnails);
    console.log(
      `seeded two accounts of ${SYNC.bags} bags + ${SYNC.brews} brews; ${SYNC.photos} photos with their thumbnails on one (${(seeded.photos.thumbBytes / 1024 / 1024).toFixed(1)} MB, ${(seeded.photos.seedMs / 1000).toFixed(1)} s)`,
    );
    // Both then meet a server whose caches hold the rows, as in bench:browser.
    await apis.withPhotos.pullAll();
    await apis.without.pullAll();
    console.log(`initial sync: load average at the start ${loadAverage()}`);
    const runs = await photoSyncRounds(
      server.url,
      { withPhotos: seeded.withPhotos.email, without: seeded.without.email },
      SYNC_ROUNDS,
    );
    // After the runs, so it does not warm the server for the first of them.
    const alone: number[] = [];
    for (let i = 0; i < SYNC_ROUNDS; i++) {
      alone.push(await serverAloneMs(apis.withPhotos, seeded.photos.thumbHashes));
    }
    printSync(runs, seeded.photos.thumbBytes, alone);
  } finally {
    await apis.withPhotos.dispose();
    await apis.without.dispose();
  }
  console.log(`\nload average at the end: ${loadAverage()}`);
} finally {
  await browser.close();
  await launched.close();
  await server.stop();
}

/** Both sides' figures as one Markdown table; throws if a run did not bring everything. */
function printSync(runs: SyncRun[], thumbBytes: number, alone: number[]): void {
  for (const run of runs) {
    const photos = run.photos ? SYNC.photos : 0;
    const { local } = run;
    if (
      local.bags !== SYNC.bags ||
      local.brews !== SYNC.brews ||
      local.photos !== photos ||
      local.images !== photos
    ) {
      throw new Error(
        `a sync ${run.photos ? 'with' : 'without'} photos stored ${JSON.stringify(local)}`,
      );
    }
  }
  const withPhotos = runs.filter((r) => r.photos);
  const without = runs.filter((r) => !r.photos);
  const click = (rs: SyncRun[]) => rs.map((r) => r.fromClickMs);
  const rate = withPhotos.map((r) => SYNC.photos / (r.thumbnailsMs / 1000));
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\ninitial sync on a new phone, ${thousands(SYNC.bags)} bags + ${thousands(SYNC.brews)} brews, Log in click → "Synced" (rows and thumbnails stored), ${SYNC_ROUNDS} rounds of each, order flipped every round:\n`,
  );
  console.log('| measure | median | min–max |');
  console.log('| --- | ---: | ---: |');
  console.log(mdRow('without photos', click(without)));
  console.log(
    mdRow(
      `with ${thousands(SYNC.photos)} photos' thumbnails (${mb(thumbBytes)})`,
      click(withPhotos),
    ),
  );
  console.log(
    mdRow(
      'of which thumbnails: first request → last byte',
      withPhotos.map((r) => r.thumbnailsMs),
    ),
  );
  console.log(
    mdRow(
      `of which a request in flight (their durations summed ÷ ${PARALLEL_DOWNLOADS})`,
      withPhotos.map((r) => r.thumbnailsInFlightMs / PARALLEL_DOWNLOADS),
    ),
  );
  console.log(
    mdRow(
      `floor: the same ${thousands(SYNC.photos)} GETs from Node, ${PARALLEL_DOWNLOADS} at a time (server alone)`,
      alone,
    ),
  );
  console.log(
    `| ratio with / without (medians) | ${(median(click(withPhotos)) / median(click(without))).toFixed(2)}× | — |`,
  );
  console.log(
    `| thumbnails/s (during their download) | ${median(rate).toFixed(0)} | ${Math.min(...rate).toFixed(0)}–${Math.max(...rate).toFixed(0)} |`,
  );
  console.log(
    `| thumbnail bytes stored on the phone | ${mb(withPhotos[0]?.local.imageBytes ?? 0)} | — |`,
  );
  console.log(
    `\nper run (ms, Log in click → "Synced"): ${runs.map((r) => `${r.photos ? 'with' : 'without'} ${r.fromClickMs.toFixed(0)}`).join(', ')}; pull pages ${withPhotos[0]?.pages ?? 0}, thumbnail requests ${withPhotos[0]?.thumbnailRequests ?? 0}`,
  );
}
