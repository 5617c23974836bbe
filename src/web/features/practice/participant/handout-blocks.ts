/** A handout's text as the blocks it is written in: paragraphs, and lists of lines starting "- ". */
export type HandoutBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/**
 * Split a handout (plain paragraphs separated by blank lines, and simple "- " lists, no other markup)
 * into blocks to render as paragraphs and lists. Lines of a paragraph are joined with a space.
 */
export function handoutBlocks(text: string): HandoutBlock[] {
  const blocks: HandoutBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      if (list.length > 0) blocks.push({ kind: "list", items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (line.startsWith("- ")) {
        if (paragraph.length > 0) {
          blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
          paragraph = [];
        }
        list.push(line.slice(2).trim());
      } else {
        if (list.length > 0) {
          blocks.push({ kind: "list", items: list });
          list = [];
        }
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}
