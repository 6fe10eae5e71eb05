/**
 * Opening a `.docx` safely: what the bytes are, and the parts of the zip worth reading.
 *
 * Before anything is inflated, the zip's central directory is read (fflate) and the declared
 * uncompressed sizes of the parts povlint reads (XML and relationship parts; images and other
 * media are never inflated) are checked against `DOCX_LIMITS`. Each part is then inflated into a
 * buffer of its declared size, so a central directory that lies about sizes cannot make memory
 * grow past the limit either: the inflated text is cut short and fails to parse as XML.
 *
 * Office files that are not zips are OLE compound files (signature D0 CF 11 E0): an encrypted
 * (password-protected) document keeps its package in an `EncryptedPackage` stream, and an old
 * binary Word document has a `WordDocument` stream. The compound file's directory is read with the
 * `cfb` package to tell them apart.
 *
 * fflate and cfb are loaded on first use, so a run that opens no Word document does not pay for them.
 */
import type { Unzipped } from 'fflate';

export const DOCX_LIMITS = {
  /** Declared uncompressed size of all parts read, added up. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** Entries in the zip's central directory. */
  maxEntries: 10_000,
};

export type OpenResult = { ok: true; zip: Uint8Array } | { ok: false; reason: string };

const ZIP_SIGNATURE = [0x50, 0x4b];
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);

/** Parts converted: the document and what it refers to (styles, numbering, notes, relationships). */
const READ_PART = /(?:\.xml|\.rels)$/i;

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

class Refused extends Error {}

/**
 * The bytes of a `.docx` → a zip holding only its XML parts, stored without compression (so the
 * converter inflates nothing), or the reason it cannot be read.
 */
export async function openDocx(bytes: Uint8Array): Promise<OpenResult> {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (startsWith(bytes, CFB_SIGNATURE)) return { ok: false, reason: await compoundFileReason(bytes) };
  if (!startsWith(bytes, ZIP_SIGNATURE)) return { ok: false, reason: 'not a Word document (.docx files are zip archives; this file is not one)' };

  if (!centralDirectoryIsSound(bytes)) return { ok: false, reason: 'not a readable zip archive (corrupt or truncated: its central directory is damaged)' };
  const fflateModule = await import('fflate');
  const { unzipSync, zipSync } = (fflateModule as unknown as { default?: typeof fflateModule }).default ?? fflateModule;

  let entries = 0;
  let total = 0;
  let hasDocument = false;
  try {
    // First pass: the central directory only; nothing is inflated.
    unzipSync(bytes, {
      filter(file) {
        entries += 1;
        if (entries > DOCX_LIMITS.maxEntries) throw new Refused(`the zip archive has more than ${DOCX_LIMITS.maxEntries} entries (limit ${DOCX_LIMITS.maxEntries}; a possible zip bomb)`);
        if (file.name === 'word/document.xml') hasDocument = true;
        if (READ_PART.test(file.name)) total += file.originalSize;
        return false;
      },
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.message };
    return { ok: false, reason: `not a readable zip archive (corrupt or truncated: ${(e as Error).message})` };
  }
  if (total > DOCX_LIMITS.maxUncompressedBytes) {
    return {
      ok: false,
      reason: `its XML parts would inflate to ${mb(total)}, over the limit of ${mb(DOCX_LIMITS.maxUncompressedBytes)} uncompressed (a possible zip bomb)`,
    };
  }
  if (!hasDocument) return { ok: false, reason: 'not a Word document: the zip archive has no word/document.xml' };

  let parts: Unzipped;
  try {
    parts = unzipSync(bytes, { filter: (file) => READ_PART.test(file.name) });
  } catch (e) {
    return { ok: false, reason: `not a readable zip archive (corrupt or truncated: ${(e as Error).message})` };
  }
  return { ok: true, zip: zipSync(parts, { level: 0 }) };
}

/**
 * Whether each central directory entry starts with its signature and stays inside the file.
 * fflate reads entries without checking, so a damaged directory would otherwise be read as odd
 * file names. Zip64 archives (a count or offset of all ones) are left to fflate.
 */
function centralDirectoryIsSound(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return true;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) return false;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return at <= eocd;
}

async function compoundFileReason(bytes: Uint8Array): Promise<string> {
  const cfbModule = await import('cfb');
  const CFB = (cfbModule as unknown as { default?: typeof cfbModule }).default ?? cfbModule;
  let names: string[];
  try {
    names = CFB.read(bytes, { type: 'array' }).FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
  } catch {
    return 'an Office compound file that cannot be read (corrupt or truncated); .docx files are zip archives';
  }
  if (names.includes('EncryptedPackage')) {
    return 'the document is encrypted (password-protected); remove the password in Word (File › Info › Protect Document) and save it again';
  }
  if (names.includes('WordDocument')) return 'an old binary Word document (.doc), not a .docx; open it in Word and save it as a Word Document (.docx)';
  return 'an Office compound file, not a Word document (.docx files are zip archives)';
}
