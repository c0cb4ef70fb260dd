// Runs n8n's community scanner in a process of its own: the n8n lint plugin switches to its own
// test mode when NODE_ENV is "test", which vitest sets.
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const [packageDir, patterns] = process.argv.slice(2);
const result = await analyzePackage(packageDir, patterns ? JSON.parse(patterns) : SOURCE_FILE_PATTERNS);
process.stdout.write(JSON.stringify({ passed: result.passed, message: result.message, details: result.details }));
