import {
  BoldOutlined,
  ClearOutlined,
  DisconnectOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Form, Input, Modal, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import { useT } from '../../../lib/i18n';
import { escapeHtml, isBlankHtml, sanitizeAnnouncementHtml } from './announcement-html';
import './rich-text.css';

type Command = 'bold' | 'italic' | 'underline' | 'heading' | 'insertOrderedList' | 'insertUnorderedList';
type Active = Partial<Record<Command | 'link', boolean>>;

interface Props {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  placeholder?: string;
  'aria-label'?: string;
}

const SAFE_URL = /^(https?:\/\/\S+|mailto:\S+@\S+)$/i;

// execCommand is deprecated but remains the only editing API every browser implements; the markup it
// produces (b, i, u, h3, ol, ul, a, p) is exactly what the server's sanitiser keeps.
function exec(command: string, arg?: string): void {
  document.execCommand(command, false, arg);
}

function closestLink(node: Node | null, root: HTMLElement): HTMLAnchorElement | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode)
    if (n instanceof HTMLAnchorElement) return n;
  return null;
}

/** A small rich-text editor for announcements: a contentEditable area and a toolbar of basic formatting. */
export function RichTextEditor({ id, value, onChange, placeholder, 'aria-label': ariaLabel }: Props) {
  const t = useT();
  const areaRef = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  const savedRange = useRef<Range | null>(null);
  const pendingUrl = useRef<string | null>(null);
  const [active, setActive] = useState<Active>({});
  const [blank, setBlank] = useState(true);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkInitial, setLinkInitial] = useState('https://');
  const [linkForm] = Form.useForm<{ url: string }>();

  // Outside changes (loading a saved announcement) replace the content; our own echoes do not.
  useEffect(() => {
    const el = areaRef.current;
    if (!el) return;
    const html = value ?? '';
    if (html !== emitted.current && el.innerHTML !== html) el.innerHTML = html;
    emitted.current = html;
    setBlank(isBlankHtml(el.innerHTML));
  }, [value]);

  const emit = useCallback(() => {
    const el = areaRef.current;
    if (!el) return;
    const empty = isBlankHtml(el.innerHTML) && !el.querySelector('li');
    const html = empty ? '' : el.innerHTML;
    setBlank(empty);
    if (html === emitted.current) return;
    emitted.current = html;
    onChange?.(html);
  }, [onChange]);

  const refreshActive = useCallback(() => {
    const el = areaRef.current;
    const sel = document.getSelection();
    if (!el || !sel || sel.rangeCount === 0 || !el.contains(sel.anchorNode)) return;
    const block = String(document.queryCommandValue('formatBlock')).toLowerCase();
    setActive({
      bold: document.queryCommandState('bold'),
      italic: document.queryCommandState('italic'),
      underline: document.queryCommandState('underline'),
      insertOrderedList: document.queryCommandState('insertOrderedList'),
      insertUnorderedList: document.queryCommandState('insertUnorderedList'),
      heading: block === 'h3' || block === 'h4',
      link: closestLink(sel.anchorNode, el) !== null,
    });
  }, []);

  useEffect(() => {
    document.addEventListener('selectionchange', refreshActive);
    return () => document.removeEventListener('selectionchange', refreshActive);
  }, [refreshActive]);

  // Enter makes a <p> (not a <div>, which the server would drop), and formatting makes tags, not styles.
  useEffect(() => {
    exec('defaultParagraphSeparator', 'p');
    exec('styleWithCSS', 'false');
  }, []);

  function focusArea() {
    const el = areaRef.current;
    if (el && document.activeElement !== el) el.focus();
  }

  function run(command: Command) {
    focusArea();
    if (command === 'heading') exec('formatBlock', active.heading ? 'p' : 'h3');
    else exec(command);
    emit();
    refreshActive();
  }

  function openLink() {
    const sel = document.getSelection();
    const el = areaRef.current;
    savedRange.current =
      sel && sel.rangeCount > 0 && el?.contains(sel.anchorNode) ? sel.getRangeAt(0).cloneRange() : null;
    const existing = el && sel ? closestLink(sel.anchorNode, el) : null;
    setLinkInitial(existing?.getAttribute('href') ?? 'https://');
    setLinkOpen(true);
  }

  async function confirmLink() {
    try {
      const { url } = await linkForm.validateFields();
      pendingUrl.current = url.trim();
    } catch {
      return;
    }
    setLinkOpen(false);
  }

  /** Runs once the dialog has closed and let go of the focus, so the editor can take it back. */
  function insertPendingLink() {
    const url = pendingUrl.current;
    pendingUrl.current = null;
    const el = areaRef.current;
    if (!url || !el) return;
    el.focus();
    const sel = document.getSelection();
    if (!sel) return;
    if (savedRange.current) {
      sel.removeAllRanges();
      sel.addRange(savedRange.current);
    } else {
      sel.selectAllChildren(el);
      sel.collapseToEnd();
    }
    if (!sel.isCollapsed) exec('createLink', url);
    else exec('insertHTML', `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>&nbsp;`);
    emit();
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    // Keep only the formatting an announcement can hold, so what is pasted is what gets saved.
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    e.preventDefault();
    focusArea();
    if (html) exec('insertHTML', sanitizeAnnouncementHtml(html));
    else
      exec(
        'insertHTML',
        text
          .split(/\r?\n/)
          .map((line) => escapeHtml(line))
          .join('<br>'),
      );
    emit();
  }

  const tool = (key: string, label: string, icon: ReactNode, onClick: () => void, on?: boolean) => (
    <Tooltip title={label} key={key}>
      <Button
        type="text"
        size="small"
        aria-label={label}
        aria-pressed={on ?? undefined}
        className={on ? 'ccc-rte-active' : undefined}
        icon={icon}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      />
    </Tooltip>
  );

  return (
    <div className="ccc-rte">
      <div className="ccc-rte-toolbar" role="toolbar" aria-label={t('announcementsAdmin.editor.toolbar')}>
        {tool('bold', t('announcementsAdmin.editor.bold'), <BoldOutlined />, () => run('bold'), active.bold)}
        {tool(
          'italic',
          t('announcementsAdmin.editor.italic'),
          <ItalicOutlined />,
          () => run('italic'),
          active.italic,
        )}
        {tool(
          'underline',
          t('announcementsAdmin.editor.underline'),
          <UnderlineOutlined />,
          () => run('underline'),
          active.underline,
        )}
        <span className="ccc-rte-sep" />
        {tool(
          'heading',
          t('announcementsAdmin.editor.heading'),
          <span style={{ fontWeight: 700, fontSize: 13 }}>H</span>,
          () => run('heading'),
          active.heading,
        )}
        {tool(
          'ol',
          t('announcementsAdmin.editor.orderedList'),
          <OrderedListOutlined />,
          () => run('insertOrderedList'),
          active.insertOrderedList,
        )}
        {tool(
          'ul',
          t('announcementsAdmin.editor.bulletList'),
          <UnorderedListOutlined />,
          () => run('insertUnorderedList'),
          active.insertUnorderedList,
        )}
        <span className="ccc-rte-sep" />
        {tool('link', t('announcementsAdmin.editor.link'), <LinkOutlined />, openLink, active.link)}
        {tool('unlink', t('announcementsAdmin.editor.unlink'), <DisconnectOutlined />, () => {
          focusArea();
          exec('unlink');
          emit();
        })}
        {tool('clear', t('announcementsAdmin.editor.clear'), <ClearOutlined />, () => {
          focusArea();
          exec('removeFormat');
          exec('formatBlock', 'p');
          emit();
        })}
      </div>
      <div
        id={id}
        ref={areaRef}
        className="ccc-rte-area ccc-article"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={ariaLabel}
        data-placeholder={placeholder}
        data-blank={blank}
        onInput={emit}
        onBlur={emit}
        onKeyUp={refreshActive}
        onMouseUp={refreshActive}
        onPaste={onPaste}
      />
      <Modal
        open={linkOpen}
        title={t('announcementsAdmin.editor.link')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onOk={() => void confirmLink()}
        onCancel={() => setLinkOpen(false)}
        afterClose={insertPendingLink}
        destroyOnHidden
      >
        <Form
          form={linkForm}
          name="editorLink"
          layout="vertical"
          preserve={false}
          initialValues={{ url: linkInitial }}
          onFinish={() => void confirmLink()}
          style={{ marginTop: 16 }}
        >
          <Form.Item
            name="url"
            label={t('announcementsAdmin.editor.linkUrl')}
            extra={t('announcementsAdmin.editor.linkHint')}
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  if (!v || !SAFE_URL.test(v.trim()))
                    throw new Error(t('announcementsAdmin.editor.linkInvalid'));
                },
              },
            ]}
          >
            <Input autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
