/** Drag-and-drop of one file onto a drop zone, shared by the import pages. */

/** Lets the drop happen (copy cursor) unless busy; returns whether the zone should show it is a target. */
export function acceptDrag(event: DragEvent, busy: boolean): boolean {
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
  return !busy;
}

/** The one dropped file, a sentence when several were dropped, or null when nothing is to be done. */
export function droppedFile(event: DragEvent, busy: boolean): { file: File } | { problem: string } | null {
  event.preventDefault();
  const files = event.dataTransfer?.files;
  if (!files?.length || busy) return null;
  if (files.length > 1) return { problem: 'Drop one file at a time.' };
  return { file: files[0] };
}
