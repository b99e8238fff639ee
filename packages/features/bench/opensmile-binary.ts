// The real openSMILE beside `pnpm bench features`: runs a SMILExtract binary on the bench's WAV with
// the configs the reference outputs were made with (shared/reference/opensmile/README.md) and
// measures its CPU seconds, so both extractors are timed on one file in one run.
// - mfcc0_12: the study's MFCC0_12.conf, which openSMILE does not ship: opensmile/MFCC0_12.conf of
//   this package, written from the README's config facts (its ARFF output is the reference layout:
//   same header, same rows);
// - mfcc0_12_d_a: the shipped config/mfcc/MFCC12_0_D_A.conf, CSV output;
// - is09_lld: the shipped config/is09-13/IS09_emotion.conf, LLD CSV output;
// - is09_prosody_formants: opensmile/is09_prosody_formants.conf of this package, its includes
//   pointed at the binary's config directory, LLD CSV output.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";

/** How our WAV -> file run matches openSMILE's: the file format its command writes. */
export type OpenSmileOutputFormat = "arff" | "csv";

interface OpenSmileTask {
  readonly format: OpenSmileOutputFormat;
  /** The command line after the binary, as in the reference README. */
  args(wavPath: string, outPath: string): string[];
}

export interface OpenSmile {
  readonly binary: string;
  readonly configDir: string;
  /**
   * The format openSMILE writes for `set` (ours writes the same for the WAV -> file figure);
   * undefined for a set no openSMILE config computes (egemaps_v02_is09).
   */
  outputFormat(set: string): OpenSmileOutputFormat | undefined;
  /** CPU seconds (user + system) of one SMILExtract run of `set` on `wavPath`, output in `dir`. */
  cpuSeconds(set: string, wavPath: string, dir: string): number | undefined;
}

const IS09_CONFIG = join("is09-13", "IS09_emotion.conf");
const MFCC_D_A_CONFIG = join("mfcc", "MFCC12_0_D_A.conf");
const EGEMAPS_CONFIG = join("egemaps", "v02", "eGeMAPSv02.conf");
const COMPARE16_CONFIG = join("compare16", "ComParE_2016.conf");
/** This package's openSMILE configs (from dist-bench/bench/). */
const OWN_CONFIG_DIR = resolve(import.meta.dirname, "../..", "opensmile");
const MFCC0_12_CONFIG = join(OWN_CONFIG_DIR, "MFCC0_12.conf");
const PROSODY_FORMANTS_CONFIG = join(OWN_CONFIG_DIR, "is09_prosody_formants.conf");

/**
 * Our config with its includes (relative to openSMILE's config directory) made absolute, so it runs
 * from anywhere; the buffer-mode includes of openSMILE's own configs are given the same way.
 */
function prosodyFormantsTask(root: string): OpenSmileTask {
  const shared = join(root, "shared");
  return {
    format: "csv",
    args: (wav, out) => {
      const config = join(dirname(out), "is09_prosody_formants.conf");
      const text = readFileSync(PROSODY_FORMANTS_CONFIG, "utf8").replace(
        /^\\\{(?!\\cm)([^}]+)\}/gm,
        (_, include: string) => `\\{${join(root, include)}}`,
      );
      writeFileSync(config, text);
      return [
        ...["-C", config, "-I", wav, "-O", out],
        ...["-bufferModeRbConf", join(shared, "BufferModeRb.conf.inc")],
        ...["-bufferModeConf", join(shared, "BufferMode.conf.inc")],
        ...["-bufferModeRbLagConf", join(shared, "BufferModeRbLag.conf.inc")],
      ];
    },
  };
}

/**
 * The binary and config directory to compare with: `binary` (the --opensmile flag or
 * OPENSMILE_BIN) and `configDir` (--opensmile-config or OPENSMILE_CONFIG; by default the `config`
 * directory of the source tree the binary was built in, found by walking up from it).
 */
export function openSmileFrom(binary: string, configDir: string | undefined): OpenSmile {
  const binaryPath = resolve(binary);
  try {
    accessSync(binaryPath, constants.X_OK);
  } catch {
    throw new EmotionStreamError("BAD_ARGUMENT", "--opensmile is not an executable file", {
      file: binaryPath,
    });
  }
  const configPath = configDir === undefined ? findConfigDir(binaryPath) : resolve(configDir);
  for (const config of [IS09_CONFIG, MFCC_D_A_CONFIG]) {
    if (configPath === undefined || !existsSync(join(configPath, config))) {
      throw new EmotionStreamError(
        "BAD_ARGUMENT",
        `--opensmile-config must be openSMILE's config directory (with ${config}); none found above the binary`,
        { file: configPath ?? binaryPath },
      );
    }
  }
  const root = configPath as string;
  /** One of openSMILE's own configs, writing CSV: the functionals (-csvoutput) or the LLDs. */
  const shipped = (config: string, output: "-csvoutput" | "-lldcsvoutput"): OpenSmileTask => ({
    format: "csv",
    args: (wav, out) => ["-C", join(root, config), "-I", wav, output, out],
  });
  const tasks: Record<string, OpenSmileTask> = {
    mfcc0_12: {
      format: "arff",
      args: (wav, out) => ["-C", MFCC0_12_CONFIG, "-I", wav, "-O", out],
    },
    mfcc0_12_d_a: shipped(MFCC_D_A_CONFIG, "-csvoutput"),
    is09_lld: shipped(IS09_CONFIG, "-lldcsvoutput"),
    is09_prosody_formants: prosodyFormantsTask(root),
    is09: shipped(IS09_CONFIG, "-csvoutput"),
    egemaps_v02_lld: shipped(EGEMAPS_CONFIG, "-lldcsvoutput"),
    egemaps_v02: shipped(EGEMAPS_CONFIG, "-csvoutput"),
    compare16_lld: shipped(COMPARE16_CONFIG, "-lldcsvoutput"),
    compare16: shipped(COMPARE16_CONFIG, "-csvoutput"),
  };
  return {
    binary: binaryPath,
    configDir: root,
    outputFormat: (set) => tasks[set]?.format,
    cpuSeconds(set, wavPath, dir) {
      const task = tasks[set];
      if (task === undefined) return undefined;
      const out = join(dir, `opensmile-${set}.${task.format}`);
      const before = childCpuSeconds();
      // cwd = dir: MFCC12_0_D_A.conf also writes output.htk there, as the reference command did.
      const run = spawnSync(binaryPath, [...task.args(wavPath, out), "-N", "bench"], {
        cwd: dir,
        encoding: "utf8",
      });
      const used = childCpuSeconds() - before;
      if (run.status !== 0) {
        throw new EmotionStreamError("BAD_ARGUMENT", `--opensmile binary failed on ${set}`, {
          file: binaryPath,
          value: (run.stderr || run.stdout || String(run.error)).slice(-2000),
        });
      }
      return used;
    },
  };
}

function findConfigDir(binaryPath: string): string | undefined {
  for (let dir = dirname(binaryPath); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "config", IS09_CONFIG))) return join(dir, "config");
  }
  return undefined;
}

/**
 * CPU seconds of this process's waited-for children (cutime + cstime of /proc/self/stat, in
 * clock ticks of 1/100 s): spawnSync reports no resource usage of its own.
 */
function childCpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the command name (which may hold spaces) start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
