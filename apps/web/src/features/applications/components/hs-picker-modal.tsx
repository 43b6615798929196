import { HistoryOutlined, SearchOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import './applications.css';
import { useT } from '../../../lib/i18n';
import { errorText } from '../../admin/components/error-text';
import { useHsCategories, useHsHistory, useHsSearch, type HsHistoryItem } from '../api/reference';

/** The code the user ticked, with what the product form shows of it. */
export interface PickedHsCode {
  code: string;
  name: string;
  category: string | null;
  categoryProvisional: boolean;
  unit1: string | null;
}

type Tab = 'history' | 'search';

interface Inputs {
  code: string;
  name: string;
  category: string;
}

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;

/** HS codes in a monospaced face: digits line up from row to row. */
function CodeText({ code }: { code: string }) {
  return <span style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>{code}</span>;
}

/** 产品类别, marked when it comes from the provisional HS-to-CCC mapping. */
export function CategoryText({ category, provisional }: { category: string | null; provisional: boolean }) {
  const t = useT();
  if (!category) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', maxWidth: '100%' }}>
      <span className="apps-ellipsis" title={category}>
        {category}
      </span>
      {provisional && (
        <Tooltip title={t('apps.hs.provisionalHint')}>
          <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0, cursor: 'help' }}>
            {t('apps.hs.provisional')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

/**
 * HS编码选择 (选择): 历史查询 lists the codes this organisation declared before, most used first; 查询
 * searches all codes by HS编码, HS名称 and 产品类别 as the user types. Tick a row and 提交; 返回 closes.
 * Mount it when it opens, so that each opening starts afresh.
 */
export function HsPickerModal({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (hs: PickedHsCode) => void;
}) {
  const t = useT();
  const [chosenTab, setTab] = useState<Tab | null>(null);
  const [inputs, setInputs] = useState<Inputs>({ code: '', name: '', category: '' });
  const [debounced, setDebounced] = useState<Inputs>(inputs);
  const [searchPage, setSearchPage] = useState(1);
  const [historyPage, setHistoryPage] = useState(1);
  const [picked, setPicked] = useState<PickedHsCode | null>(null);

  const history = useHsHistory(historyPage, PAGE_SIZE, open);
  const categories = useHsCategories(open);
  const q = [debounced.code, debounced.name]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  // 历史查询 first when the organisation has declared codes before, else 查询; then as the user chooses.
  const tab: Tab = chosenTab ?? ((history.data?.total ?? 0) > 0 ? 'history' : 'search');
  const search = useHsSearch(
    { q, category: debounced.category, page: searchPage, pageSize: PAGE_SIZE },
    open && tab === 'search',
  );

  // Search as the user types: a short pause, and the previous results stay until the new ones come.
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(inputs);
      setSearchPage(1);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [inputs]);

  const categoryOptions = useMemo(() => {
    const needle = inputs.category.trim();
    return (categories.data?.items ?? [])
      .filter((c) => !needle || c.name.includes(needle))
      .slice(0, 50)
      .map((c) => ({
        value: c.name,
        label: (
          <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>{c.name}</span>
            <Typography.Text type="secondary">{c.count}</Typography.Text>
          </span>
        ),
      }));
  }, [categories.data, inputs.category]);

  function confirm() {
    if (!picked) return;
    onPick(picked);
    onClose();
  }

  const selection = {
    type: 'radio' as const,
    selectedRowKeys: picked ? [picked.code] : [],
    columnWidth: 48,
  };

  const searchTable = (
    <>
      <Form layout="vertical" onFinish={() => setDebounced(inputs)} aria-label={t('apps.hs.searchForm')}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label={t('apps.hs.code')} htmlFor="hs-query-code" style={{ marginBottom: 12 }}>
              <Input
                id="hs-query-code"
                allowClear
                autoFocus
                inputMode="numeric"
                maxLength={20}
                value={inputs.code}
                placeholder={t('apps.hs.codePlaceholder')}
                onChange={(e) => setInputs((s) => ({ ...s, code: e.target.value }))}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label={t('apps.hs.name')} htmlFor="hs-query-name" style={{ marginBottom: 12 }}>
              <Input
                id="hs-query-name"
                allowClear
                maxLength={50}
                value={inputs.name}
                placeholder={t('apps.hs.namePlaceholder')}
                onChange={(e) => setInputs((s) => ({ ...s, name: e.target.value }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('apps.hs.category')} htmlFor="hs-query-category" style={{ marginBottom: 12 }}>
              <AutoComplete
                id="hs-query-category"
                allowClear
                value={inputs.category}
                options={categoryOptions}
                popupMatchSelectWidth={360}
                placeholder={t('apps.hs.categoryPlaceholder')}
                onChange={(v: string | undefined) => setInputs((s) => ({ ...s, category: v ?? '' }))}
              />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label=" " colon={false} style={{ marginBottom: 12 }}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} block>
                {t('common.search')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Table
        rowKey="code"
        size="small"
        scroll={{ y: 400 }}
        dataSource={search.data?.items ?? []}
        loading={search.isFetching}
        rowSelection={{
          ...selection,
          onChange: (_keys, rows) => {
            const r = rows[0];
            if (r)
              setPicked({
                code: r.code,
                name: r.name,
                category: r.category,
                categoryProvisional: r.categoryProvisional,
                unit1: r.unit1,
              });
          },
        }}
        onRow={(r) => ({
          onClick: () =>
            setPicked({
              code: r.code,
              name: r.name,
              category: r.category,
              categoryProvisional: r.categoryProvisional,
              unit1: r.unit1,
            }),
          onDoubleClick: () => {
            onPick({
              code: r.code,
              name: r.name,
              category: r.category,
              categoryProvisional: r.categoryProvisional,
              unit1: r.unit1,
            });
            onClose();
          },
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: search.isError ? (
            <Typography.Text type="danger">{errorText(search.error, t)}</Typography.Text>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.hs.noMatch')} />
          ),
        }}
        pagination={{
          current: searchPage,
          pageSize: PAGE_SIZE,
          total: search.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: setSearchPage,
          size: 'small',
        }}
        columns={[
          {
            title: t('apps.hs.code'),
            dataIndex: 'code',
            width: 120,
            render: (c: string) => <CodeText code={c} />,
          },
          { title: t('apps.hs.name'), dataIndex: 'name' },
          {
            title: t('apps.hs.category'),
            key: 'category',
            width: 260,
            render: (_: unknown, r) => (
              <CategoryText category={r.category} provisional={r.categoryProvisional} />
            ),
          },
          {
            title: t('apps.hs.unit'),
            key: 'unit',
            width: 90,
            render: (_: unknown, r) => [r.unit1, r.unit2].filter(Boolean).join(' / ') || '—',
          },
        ]}
      />
    </>
  );

  const historyTable = (
    <Table<HsHistoryItem>
      rowKey="code"
      size="small"
      scroll={{ y: 460 }}
      dataSource={history.data?.items ?? []}
      loading={history.isFetching}
      rowSelection={{
        ...selection,
        getCheckboxProps: (r) => ({ disabled: !r.enabled }),
        onChange: (_keys, rows) => {
          const r = rows[0];
          if (r)
            setPicked({
              code: r.code,
              name: r.name,
              category: r.category,
              categoryProvisional: false,
              unit1: r.unit1,
            });
        },
      }}
      onRow={(r) => ({
        onClick: () => {
          if (r.enabled)
            setPicked({
              code: r.code,
              name: r.name,
              category: r.category,
              categoryProvisional: false,
              unit1: r.unit1,
            });
        },
        style: { cursor: r.enabled ? 'pointer' : 'not-allowed' },
      })}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apps.hs.noHistory')} />,
      }}
      pagination={{
        current: historyPage,
        pageSize: PAGE_SIZE,
        total: history.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { total: n }),
        onChange: setHistoryPage,
        size: 'small',
      }}
      columns={[
        {
          title: t('apps.hs.code'),
          dataIndex: 'code',
          width: 120,
          render: (c: string) => <CodeText code={c} />,
        },
        {
          title: t('apps.hs.name'),
          dataIndex: 'name',
          render: (n: string, r) => (
            <span>
              {n}
              {!r.enabled && <Tag style={{ marginInlineStart: 6 }}>{t('apps.hs.disabled')}</Tag>}
            </span>
          ),
        },
        {
          title: t('apps.hs.category'),
          dataIndex: 'category',
          width: 260,
          ellipsis: true,
          render: (c: string | null) => c ?? '—',
        },
        { title: t('apps.hs.uses'), dataIndex: 'uses', width: 90, align: 'right' },
      ]}
    />
  );

  return (
    <Modal
      open={open}
      title={t('apps.hs.title')}
      width={980}
      style={{ top: 32 }}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Typography.Text key="picked" type="secondary" style={{ float: 'left', lineHeight: '32px' }}>
          {picked ? t('apps.hs.picked', { code: picked.code, name: picked.name }) : t('apps.hs.pickHint')}
        </Typography.Text>,
        <Button key="back" onClick={onClose}>
          {t('common.back')}
        </Button>,
        <Button key="ok" type="primary" disabled={!picked} onClick={confirm}>
          {t('common.submit')}
        </Button>,
      ]}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={[
          {
            key: 'history',
            label: (
              <span>
                <HistoryOutlined aria-hidden /> {t('apps.hs.history')}
              </span>
            ),
            children: historyTable,
          },
          {
            key: 'search',
            label: (
              <span>
                <SearchOutlined aria-hidden /> {t('apps.hs.search')}
              </span>
            ),
            children: searchTable,
          },
        ]}
      />
    </Modal>
  );
}
