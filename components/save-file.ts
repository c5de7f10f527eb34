/** Hands text to the browser as a download (Options' exports); returns the file name. */
export function saveFile(text: string, fileName: string, type = 'application/json'): string {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked once the browser has started the download, not before.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
