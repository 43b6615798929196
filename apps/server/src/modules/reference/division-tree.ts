import type { DivisionNode } from '@ccc/domain';

export interface DivisionTreeRow {
  code: string;
  name: string;
  parent_code: string | null;
  kind: string;
  enabled: number;
}

/**
 * Province → city → county for the 所在地区 cascader. Statistical grouping rows (kind `placeholder`:
 * 市辖区, 县, 省直辖县级行政区划) are not shown: their children hang from the placeholder's parent, so
 * 北京市 → 东城区 and 河南省 → 济源市. A disabled row hides itself and everything below it.
 * Children are ordered by code; a node without children has no `children` key (a leaf).
 */
export function buildDivisionTree(rows: DivisionTreeRow[]): DivisionNode[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const nodes = new Map<string, DivisionNode>();
  const roots: DivisionNode[] = [];
  const childrenOf = new Map<string, DivisionNode[]>();

  /** The code of the node to hang under ('' for a root), or null when a disabled ancestor hides it. */
  const visibleParent = (row: DivisionTreeRow): string | null => {
    let parent = row.parent_code ? byCode.get(row.parent_code) : undefined;
    for (let depth = 0; parent && depth < 8; depth++) {
      if (parent.enabled !== 1) return null;
      if (parent.kind !== 'placeholder') return parent.code;
      parent = parent.parent_code ? byCode.get(parent.parent_code) : undefined;
    }
    return '';
  };

  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const row of sorted) {
    if (row.enabled !== 1 || row.kind === 'placeholder') continue;
    const parent = visibleParent(row);
    if (parent === null) continue;
    const node: DivisionNode = { code: row.code, name: row.name };
    nodes.set(row.code, node);
    if (parent === '') roots.push(node);
    else {
      const list = childrenOf.get(parent) ?? [];
      list.push(node);
      childrenOf.set(parent, list);
    }
  }
  for (const [code, children] of childrenOf) {
    const node = nodes.get(code);
    if (node) node.children = children;
  }
  return roots;
}
