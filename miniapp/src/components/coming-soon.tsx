import { EmptyIcon } from './empty-icon';
import { View, Text } from '@tarojs/components';
import { PageShell } from './page-shell';
import { Empty } from '../ui';

/** A real route whose feature lands in a later issue: says so instead of showing a blank page. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <PageShell>
      <View data-testid="coming-soon">
        <Empty image={<EmptyIcon glyph="🚧" />} title={`${title}即将上线`} description={description} />
        <Text className="hint">如有紧急事项，请直接联系物业服务中心。</Text>
      </View>
    </PageShell>
  );
}
