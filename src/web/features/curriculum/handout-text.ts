/** A handout's text as blocks: paragraphs, and lists made of lines starting with "- ". */
export type HandoutBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

export function handoutBlocks(body: string): HandoutBlock[] {
  const blocks: HandoutBlock[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    let paragraph: string[] = [];
    let list: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      paragraph = [];
    };
    const flushList = () => {
      if (list.length > 0) blocks.push({ kind: "list", items: list });
      list = [];
    };
    for (const line of lines) {
      if (line.startsWith("- ")) {
        flushParagraph();
        list.push(line.slice(2).trim());
      } else {
        flushList();
        paragraph.push(line);
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}
