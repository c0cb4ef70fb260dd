/**
 * Asset and bundle step of the build, run after `tsc`:
 * - copies icons and codex files into dist/ beside the compiled code;
 * - bundles fast-xml-parser (a devDependency) into dist/vendor/ and points the compiled requires at it,
 *   so the published package keeps an empty `dependencies` field.
 */
const path = require('node:path');
const { Transform } = require('node:stream');
const { src, dest, parallel, series } = require('gulp');

const DIST = path.join(__dirname, 'dist');
const VENDORED = { 'fast-xml-parser': 'vendor/fast-xml-parser.js' };

function copyAssets() {
	return src(['icons/**/*.{svg,png}', 'nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function vendorModules() {
	const tasks = Object.entries(VENDORED).map(([moduleName, target]) => {
		const entry = require.resolve(moduleName);
		const licence = path.join(packageRoot(entry, moduleName), 'LICENSE');
		const copyEntry = () =>
			src(entry, { encoding: false })
				.pipe(renameTo(path.basename(target)))
				.pipe(dest(path.join(DIST, path.dirname(target))));
		const copyLicence = () =>
			src(licence, { encoding: false })
				.pipe(renameTo(`${path.basename(target, '.js')}.LICENSE`))
				.pipe(dest(path.join(DIST, path.dirname(target))));
		copyEntry.displayName = `vendor ${moduleName}`;
		copyLicence.displayName = `licence ${moduleName}`;
		return parallel(copyEntry, copyLicence);
	});
	return parallel(...tasks);
}

/** The folder holding the module's package.json (its `exports` map hides `<name>/package.json`). */
function packageRoot(entry, moduleName) {
	let dir = path.dirname(entry);
	while (path.basename(dir) !== moduleName.split('/').pop()) {
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`Cannot find the package folder of ${moduleName}`);
		dir = parent;
	}
	return dir;
}

function renameTo(basename) {
	return new Transform({
		objectMode: true,
		transform(file, _encoding, callback) {
			file.basename = basename;
			callback(null, file);
		},
	});
}

/** Rewrites `require("<vendored module>")` in compiled files to the relative path of its bundled copy. */
function pointRequiresAtVendoredModules() {
	return src('dist/**/*.js', { base: 'dist', ignore: ['dist/vendor/**'] })
		.pipe(
			new Transform({
				objectMode: true,
				transform(file, _encoding, callback) {
					let code = file.contents.toString('utf8');
					for (const [moduleName, target] of Object.entries(VENDORED)) {
						const relative = path.relative(path.dirname(file.path), path.join(DIST, target));
						const specifier = (relative.startsWith('.') ? relative : `./${relative}`).split(path.sep).join('/');
						code = code.split(`require("${moduleName}")`).join(`require("${specifier}")`);
					}
					file.contents = Buffer.from(code, 'utf8');
					callback(null, file);
				},
			}),
		)
		.pipe(dest('dist'));
}

exports.build = series(parallel(copyAssets, vendorModules()), pointRequiresAtVendoredModules);
exports.default = exports.build;
