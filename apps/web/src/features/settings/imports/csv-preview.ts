import Papa from 'papaparse';

export interface CsvPreview {
  header: string[];
  /** The first few records after the header, to show what each column holds. */
  samples: string[][];
}

const SAMPLE_RECORDS = 3;

/**
 * The header row and a few records of a CSV, read in the browser from the start of the file
 * only (papaparse's preview stops after them; 64 KB chunks), so a file of gigabytes costs
 * nothing here — the server reads the rest.
 */
export function readCsvPreview(file: File): Promise<CsvPreview> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file, {
      preview: SAMPLE_RECORDS + 1,
      chunkSize: 64 * 1024,
      skipEmptyLines: 'greedy',
      complete: (result) => {
        const [header, ...samples] = result.data;
        if (!header || header.every((cell) => cell.trim() === '')) reject(new Error('The file has no header row: the first line must name the columns.'));
        else resolve({ header, samples });
      },
      error: (error) => reject(new Error(`Could not read the file: ${error.message}`)),
    });
  });
}
