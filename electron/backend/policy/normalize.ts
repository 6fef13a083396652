// The normalized forms officials are compared by: duplicates (name + district) and district
// matching against the directory. Case, accents, punctuation and spacing are ignored, a number
// loses its leading zeros and common abbreviations are spelled out, so “District 4”, “district 4”,
// “Dist. 04” and “DISTRICT #4” are one district, and “São Paulo” is “sao paulo”.

const ABBREVIATIONS: Readonly<Record<string, string>> = { dist: 'district', no: '', nr: '', st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

/** Lower case, no accents, words of letters and digits separated by one space. */
export function plainWords(value: string): string[] {
  const plain = /^[\x20-\x7e]*$/.test(value) ? value : value.normalize('NFKD').replace(/\p{M}+/gu, '');
  return plain
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A district, ward or city as compared: “Dist. 04” → “district 4”; '' for a blank one. */
export function districtKey(value: string): string {
  return plainWords(value)
    .map((word) => (/^\d+$/.test(word) ? String(Number(word)) : (ABBREVIATIONS[word] ?? word)))
    .filter((word) => word !== '')
    .join(' ');
}

const TITLES = new Set(['hon', 'honorable', 'honourable', 'rep', 'sen', 'senator', 'representative', 'councilmember', 'councillor', 'councilor', 'mayor', 'dr', 'mr', 'mrs', 'ms', 'mx']);

/** A person's name as compared for duplicates: no honorifics, accents or punctuation. */
export function officialNameKey(value: string): string {
  return plainWords(value)
    .filter((word) => !TITLES.has(word))
    .join(' ');
}
