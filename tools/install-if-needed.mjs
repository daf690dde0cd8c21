// `npm ci` when node_modules does not match package-lock.json: a fresh clone, a changed lockfile, or an install that
// did not finish. npm writes node_modules/.package-lock.json last, so one newer than the lockfile means the install
// is whole and current; then nothing is done, and `./mvnw spring-boot:run` does not spend seconds reinstalling.
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const installed = 'node_modules/.package-lock.json';
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync('package-lock.json').mtimeMs) {
  console.log('node_modules matches package-lock.json');
} else {
  // npm is npm.cmd on Windows, which only a shell finds
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
}
