import { EmptyIcon } from '../../components/empty-icon';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Empty } from '../../ui';

export default function NotFound() {
  return (
    <PageShell>
      <View data-testid="not-found">
        <Empty
          image={<EmptyIcon name="compass" />}
          title="页面不存在"
          description="您访问的页面可能已下线或链接有误。"
        />
        <View className="actions">
          <Button type="primary" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            返回首页
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
