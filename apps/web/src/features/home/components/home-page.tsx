import { Card, Col, Row, Skeleton } from 'antd';
import { useSession } from '../../../app/session';
import { PublicLayout } from '../../../components/public-layout';
import { AnnouncementList } from '../../announcements/components/announcement-list';
import { LoginBox } from '../../auth/components/login-box';
import { ManualCard } from './manual-card';
import { ProcessGuide } from './process-guide';
import { VerifyBox } from './verify-box';
import { WelcomeBox } from './welcome-box';

/**
 * 系统首页: the login box (or 进入系统) and the process on the left; 认监委发布的信息, 证明查询 and the manual
 * on the right.
 */
export function HomePage() {
  const session = useSession();
  const user = session.data?.user;
  return (
    <PublicLayout>
      <Row gutter={[24, 24]} wrap={false}>
        <Col flex="340px">
          <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
            {session.isPending ? (
              <Card>
                <Skeleton active paragraph={{ rows: 6 }} />
              </Card>
            ) : user ? (
              <WelcomeBox user={user} />
            ) : (
              <LoginBox />
            )}
            <ProcessGuide />
          </div>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
            <AnnouncementList />
            <VerifyBox />
            <ManualCard />
          </div>
        </Col>
      </Row>
    </PublicLayout>
  );
}
