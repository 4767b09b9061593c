export default definePageConfig({ navigationBarTitleText: '缴费收据' });
