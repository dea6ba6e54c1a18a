// `npm run bench`: every benchmark, against a fresh production build served locally.
import { benchBundleSize } from './bundleSize';
import { benchIntakeSave } from './intakeSave';
import { servePwa } from './lib';

const only = process.argv[2];
const stop = await servePwa();
try {
  if (!only || only === 'bundle-size') console.info('bundle-size', await benchBundleSize());
  if (!only || only === 'intake-save')
    console.info('intake-save', await benchIntakeSave(Number(process.env.BENCH_SAVES ?? 500)));
} finally {
  stop();
}
