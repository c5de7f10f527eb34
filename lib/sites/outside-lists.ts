/**
 * What `root.querySelectorAll(selector)` finds (`first`: only its first), in document order,
 * except inside the elements matching `listSelector`: a conversation's message lists, which hold
 * only messages, never the composer, the header or its links.
 *
 * Why: the conversation controller asks for the panes, their keys and the button's host after
 * every settled change (lib/inline/conversation-controller.ts), and a composer sits after its
 * list, so a plain query walks every message to reach it (3–7 ms at 5,000 messages; issue 11:
 * nothing per message). Here native queries still do the walking, only over parts that hold no
 * list: the first list in `root` (document order) is inside one child, the branch; the children
 * before it hold none and are queried whole; the branch is gone down the same way (its first
 * list is the same one, passed down rather than looked for again); the children after it are
 * looked at afresh. The cost is that of the page around the lists, whatever their length.
 */
export function queryOutsideLists(
  root: ParentNode,
  selector: string,
  listSelector: string,
  first = false,
  out: HTMLElement[] = [],
  list: Element | null = root.querySelector(listSelector),
): HTMLElement[] {
  if (!list) {
    if (!first) out.push(...root.querySelectorAll<HTMLElement>(selector));
    else {
      const found = root.querySelector<HTMLElement>(selector);
      if (found) out.push(found);
    }
    return out;
  }
  let branch: Node = list;
  while (branch.parentNode !== root) branch = branch.parentNode!;
  let before = true;
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (child === list) {
      before = false;
      continue;
    }
    // The first list is the first element matching listSelector: nothing before it is a list,
    // and an ancestor of it isn't either (it would have come first).
    if (child !== branch && !before && child.matches(listSelector)) continue;
    if (child.matches(selector)) {
      out.push(child as HTMLElement);
      if (first) return out;
    }
    if (child === branch) {
      before = false;
      queryOutsideLists(child, selector, listSelector, first, out, list);
    } else queryOutsideLists(child, selector, listSelector, first, out, before ? null : undefined);
    if (first && out.length) return out;
  }
  return out;
}
