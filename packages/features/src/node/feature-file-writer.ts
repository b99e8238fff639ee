// openSMILE CSV or ARFF written a chunk of rows at a time: the header once, then each chunk's rows,
// so that the text is byte for byte what formatting all the rows at once gives (the
// `formatFeatureFile` of every chunk, headers after the first cut off).
import type { FrameLevelFeatures } from "../formats/frame-level-features.js";
import { type FeatureFileFormat, formatFeatureFile } from "./feature-files.js";

export class FeatureFileWriter {
  private headerWritten = false;

  constructor(
    private readonly format: FeatureFileFormat,
    private readonly write: (text: string) => void | Promise<void>,
  ) {}

  async rows(features: FrameLevelFeatures): Promise<void> {
    const text = formatFeatureFile(features, this.format);
    const body = this.headerWritten ? text.slice(headerLength(text, this.format)) : text;
    this.headerWritten = true;
    // An ARFF row starts with its line break and the file ends with one: the break at the end of
    // each chunk is written once, by `finish`.
    await this.write(this.format === "arff" ? body.slice(0, -1) : body);
  }

  /** Ends the file; true when anything was written. */
  async finish(): Promise<boolean> {
    if (this.headerWritten && this.format === "arff") await this.write("\n");
    return this.headerWritten;
  }
}

function headerLength(text: string, format: FeatureFileFormat): number {
  if (format === "csv") return text.indexOf("\n") + 1;
  const data = "\n@data\n";
  return text.indexOf(data) + data.length;
}
