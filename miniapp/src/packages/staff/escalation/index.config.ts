export default definePageConfig({ navigationBarTitleText: '报修升级链' });
