// The table function that scans an opened file where it lies; its path is always a bound parameter.
import type { FileFormat } from './opened-files';

/** SQL for a scan of the file bound to $path (never the path itself pasted into the text). */
export function fileScan(format: FileFormat): string {
  switch (format) {
    case 'csv':
      return 'read_csv($path, header = true)';
    case 'parquet':
      return 'read_parquet($path)';
  }
}
