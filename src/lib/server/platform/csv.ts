// How every CSV download of the app is written (Papa.unparse's options): a cell that starts like a
// formula (=, +, -, @, tab, carriage return) gets a leading quote, so text a party or a visitor typed
// cannot run as a formula when a journalist opens the file in a spreadsheet.
import type { UnparseConfig } from 'papaparse';

export const CSV_OPTIONS: UnparseConfig = { escapeFormulae: true };
